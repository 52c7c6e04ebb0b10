using Casework.Domain.Escalation;
using Casework.Web.Features.Knelpunten;

namespace Casework.Web.Features.Pages;

/// <summary>
/// The Dutch words a page shows for the domain's codes and enum values, in one place, so no page shows
/// <c>werk-en-inkomen</c> or <c>Alliantie</c> where a civil servant reads "Werk en inkomen" or "een alliantie".
/// </summary>
internal static class Labels
{
    /// <summary>A person by name: the demo directory's name in development, else the id the identity provider gave; the system as Casework.</summary>
    public static string Person(string userId) =>
        userId == Casework.Workflows.Engine.Actor.System.UserId ? "Casework (automatisch)" : Cases.Behandelaar.BehandelaarRules.NameOf(userId);

    /// <summary>The kind of besluit as a heading in Dutch (the workflow's <c>besluitType</c> code otherwise).</summary>
    public static string BesluitType(string code) => code switch
    {
        "toekenning" => "Toekenning",
        "gedeeltelijke-toekenning" => "Gedeeltelijke toekenning",
        "afwijzing" => "Afwijzing",
        "niet-toegelaten" => "Niet toegelaten",
        "buiten-behandeling" => "Buiten behandeling gesteld",
        "beslissing-op-bezwaar-gegrond" => "Beslissing op bezwaar: gegrond",
        "beslissing-op-bezwaar-ongegrond" => "Beslissing op bezwaar: ongegrond",
        "beslissing-op-bezwaar-niet-ontvankelijk" => "Beslissing op bezwaar: niet-ontvankelijk",
        "bo-besluit" => "Besluit bestuurlijk overleg",
        "vaststelling" => "Vaststelling",
        "terugvordering" => "Terugvordering",
        "wijzigingsbesluit" => "Wijziging van de toekenning",
        "wijziging-afgewezen" => "Wijzigingsverzoek afgewezen",
        _ => code,
    };

    /// <summary>An organisation by its name, a gemeente as "gemeente Rotterdam"; its code only when no name is known.</summary>
    public static string Organisation(string code, string? name) =>
        name is null ? code : Casework.Domain.Organisations.GemeenteCodes.IsValid(code) ? $"gemeente {name}" : name;

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

    /// <summary>A scoring criterion's Dutch name (the rule sets key them as <c>efficientie</c>, <c>totaal</c>).</summary>
    public static string Criterion(string name) => name switch
    {
        "noodzaak" => "Noodzaak",
        "effectiviteit" => "Effectiviteit",
        "efficientie" => "Efficiëntie",
        "urgentie" => "Urgentie",
        "totaal" => "Totaal",
        _ => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..],
    };

    private const string DesignChoice = "(ontwerpkeuze)";

    private const string StandIn = "Stand-in";

    /// <summary>
    /// A rule's or term's source as a reader understands it: the marker of a design choice becomes a sentence, a
    /// stand-in value (a source that is missing, filled from the nearest known one) says so in Dutch.
    /// </summary>
    public static string? Source(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return source;
        }

        var text = source.Replace(DesignChoice, "werkafspraak in Casework, geen wettelijke bron", StringComparison.Ordinal).Trim();
        if (text.StartsWith(StandIn, StringComparison.Ordinal))
        {
            text = "aanname, de bron ontbreekt; overgenomen" + text[StandIn.Length..].TrimStart(':', ' ').Insert(0, " ");
        }

        return text;
    }
}
