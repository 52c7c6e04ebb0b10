using Casework.Web.Features.Knelpunten;

namespace Casework.Web.Features.Vastlopers;

/// <summary>A vastloper: the blockage, its focusgebied and the department it went to, with its case and links.</summary>
public sealed record VastloperDto(
    Guid Id,
    EscalationCaseDto Case,
    string Omschrijving,
    string Focusgebied,
    string Department,
    bool ViaCoordinatingDepartment,
    DateOnly? BesprokenInOverlegDate,
    IReadOnlyList<CaseLinkDto> Links);

/// <summary>Request body of <c>POST /api/v1/vastlopers</c>.</summary>
public sealed record RaiseVastloperRequest(string? Titel, string? Omschrijving, string? Focusgebied, DateOnly? BesprokenInOverlegDate);

/// <summary>Request body of <c>POST /api/v1/vastlopers/{id}/omzetten-in-knelpunt</c>: why, and the law if known.</summary>
public sealed record ConvertVastloperRequest(string? Reason, WetReferentieDto? Wet);

/// <summary>
/// The vastloper (now closed) and the knelpunt it became. The knelpunt goes to SBSD triage; the department that
/// converted it gets its id and reference, and sees it once triage routes it there.
/// </summary>
public sealed record ConvertVastloperResponse(VastloperDto Vastloper, Guid KnelpuntId, string KnelpuntReference);
