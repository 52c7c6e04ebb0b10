using Mediator;

namespace Casework.Web.Features.Tranches;

/// <summary>One line of the allocation proposal; <c>Gemeente</c> is the CBS code, <c>GemeenteNaam</c> what people call it.</summary>
public sealed record AllocationProposalDto(Guid ApplicationId, string Reference, string Gemeente, int Position, decimal RequestedAmount, decimal ProposedAmount, string Outcome, string? Reason, string? GemeenteNaam = null);

public sealed record ProposeAllocationQuery(Guid TrancheId) : IQuery<IReadOnlyList<AllocationProposalDto>>;
