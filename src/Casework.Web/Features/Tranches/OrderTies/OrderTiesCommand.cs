using Mediator;

namespace Casework.Web.Features.Tranches;

public sealed record TieBreakRequest(IReadOnlyList<Guid>? Order);

public sealed record OrderTiesCommand(Guid TrancheId, TieBreakRequest? Request) : ICommand<IReadOnlyList<RankingEntryDto>>;
