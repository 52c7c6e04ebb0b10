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
