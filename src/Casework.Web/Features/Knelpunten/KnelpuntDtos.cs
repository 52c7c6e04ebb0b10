using Casework.Domain.Escalation;

namespace Casework.Web.Features.Knelpunten;

public sealed record WetReferentieDto(string Naam, string? BwbId, string? Artikel);

/// <summary>A knelpunt: what it is about (law, domain, submitter, focusgebieden, proposed solution), its case and its links.</summary>
public sealed record KnelpuntDto(
    Guid Id,
    EscalationCaseDto Case,
    string Omschrijving,
    WetReferentieDto Wet,
    string? Domein,
    IndienerSoort IndienerSoort,
    string IndienerOrganisatie,
    IReadOnlyList<string> Focusgebieden,
    string? VoorgesteldeOplossing,
    IReadOnlyList<CaseLinkDto> Links);
