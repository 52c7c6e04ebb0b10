using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A gemeente applies for its own territory: VHF and WBI pay the gemeente for its own projects, so the project's
/// area lies in the applicant gemeente or, for a joint application, in one of its member gemeenten. No article of
/// either regeling says so in these words; it follows from what the regeling is for, which the source names.
/// An area described only in text has no known gemeente and is not judged here.
/// </summary>
public sealed class ProjectAreaLiesInApplicantTerritoryRule(
    Regeling regeling,
    string applicantCbsCode,
    IReadOnlyList<string> jointMemberCbsCodes,
    string? areaName,
    string? areaGemeenteCbsCode) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-GEBIED-EIGEN-GEMEENTE";

    public string Source => regeling switch
    {
        Regeling.Vhf => "Doel van de regeling: een specifieke uitkering aan de gemeente voor haar eigen herstructureringsprojecten (Stcrt. 2023-17370; ontwerpkeuze, geen artikel zegt het letterlijk)",
        Regeling.Wbi => "Doel van de regeling: een bijdrage aan de gemeente voor woningbouwprojecten in de gemeente (Besluit Woningbouwimpuls 2020; ontwerpkeuze, geen artikel zegt het letterlijk)",
        _ => "(ontwerpkeuze)",
    };

    public bool IsBroken() =>
        areaGemeenteCbsCode is { } area && area != applicantCbsCode && !jointMemberCbsCodes.Contains(area, StringComparer.Ordinal);

    public string Message =>
        $"Het projectgebied {areaName ?? string.Empty} ligt in gemeente {areaGemeenteCbsCode}, niet in de aanvragende gemeente {applicantCbsCode}" +
        (jointMemberCbsCodes.Count > 0 ? $" of een van de deelnemende gemeenten ({string.Join(", ", jointMemberCbsCodes)})" : string.Empty) +
        ". Een gemeente vraagt aan voor projecten op haar eigen grondgebied.";
}
