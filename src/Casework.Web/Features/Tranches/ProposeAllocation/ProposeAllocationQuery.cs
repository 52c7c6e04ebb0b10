using Mediator;

namespace Casework.Web.Features.Tranches;

public sealed record AllocationProposalDto(Guid ApplicationId, string Reference, string Gemeente, int Position, decimal RequestedAmount, decimal ProposedAmount, string Outcome, string? Reason);

public sealed record ProposeAllocationQuery(Guid TrancheId) : IQuery<IReadOnlyList<AllocationProposalDto>>;
