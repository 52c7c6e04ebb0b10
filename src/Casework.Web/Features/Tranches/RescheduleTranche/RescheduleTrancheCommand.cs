using Mediator;

namespace Casework.Web.Features.Tranches;

public sealed record RescheduleTrancheRequest(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string? Reason);

public sealed record RescheduleTrancheCommand(Guid TrancheId, RescheduleTrancheRequest? Request) : ICommand<TrancheDto>;
