using Casework.Web.Features.Knelpunten;
using Mediator;

namespace Casework.Web.Features.Vastlopers;

/// <summary>Request body of <c>POST /api/v1/vastlopers/{id}/omzetten-in-knelpunt</c>: why, and the law if known.</summary>
public sealed record ConvertVastloperRequest(string? Reason, WetReferentieDto? Wet);

/// <summary>
/// The vastloper (now closed) and the knelpunt it became. The knelpunt goes to SBSD triage; the department that
/// converted it gets its id and reference, and sees it once triage routes it there.
/// </summary>
public sealed record ConvertVastloperResponse(VastloperDto Vastloper, Guid KnelpuntId, string KnelpuntReference);

public sealed record ConvertVastloperCommand(Guid Id, int? ExpectedVersion, string Reason, WetReferentieDto? Wet) : ICommand<ConvertVastloperResponse>;
