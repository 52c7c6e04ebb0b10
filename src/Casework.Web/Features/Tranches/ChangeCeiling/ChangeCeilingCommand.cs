using Mediator;

namespace Casework.Web.Features.Tranches;

public sealed record ChangeCeilingRequest(decimal Ceiling, string? Reason);

public sealed record ChangeCeilingCommand(Guid TrancheId, ChangeCeilingRequest? Request) : ICommand<TrancheDto>;
