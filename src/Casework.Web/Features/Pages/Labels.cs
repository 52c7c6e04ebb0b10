using Casework.Domain.Escalation;
using Casework.Web.Features.Knelpunten;

namespace Casework.Web.Features.Pages;

/// <summary>
/// The Dutch words a page shows for the domain's codes and enum values, in one place, so no page shows
/// <c>werk-en-inkomen</c> or <c>Alliantie</c> where a civil servant reads "Werk en inkomen" or "een alliantie".
/// </summary>
internal static class Labels
{
    public static string Domein(KnelpuntDomein domein) => domein switch
    {
        KnelpuntDomein.Onderwijs => "Onderwijs",
        KnelpuntDomein.Gezondheid => "Gezondheid",
        KnelpuntDomein.Wonen => "Wonen",
        KnelpuntDomein.WerkEnInkomen => "Werk en inkomen",
        KnelpuntDomein.Veiligheid => "Veiligheid",
        KnelpuntDomein.Schulden => "Schulden en armoede",
        _ => domein.ToString(),
    };

    /// <summary>A domain's code as the API carries it (<c>werk-en-inkomen</c>, the legacy <c>zorg</c>), as its Dutch name; unknown codes stay as they are.</summary>
    public static string? Domein(string? code) =>
        code is null ? null : EscalationCaseViews.ParseDomein(code) is { } domein ? Domein(domein) : code;

    public static string Indiener(IndienerSoort soort) => soort switch
    {
        IndienerSoort.Gemeente => "Gemeente",
        IndienerSoort.Alliantie => "Alliantie",
        IndienerSoort.Departement => "Departement",
        _ => soort.ToString(),
    };
}
