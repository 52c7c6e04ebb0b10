using Casework.Domain.Organisations;

namespace Casework.Web.Persistence.Seed;

/// <summary>The departments, agencies and bodies of docs/domain.md ("Who is involved").</summary>
internal static class ReferenceOrganisations
{
    public const string BestuurlijkOverleg = "BO";

    public static IReadOnlyList<Organisation> NonGemeenten() =>
    [
        Organisation.Other("BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", OrganisationKind.Departement),
        Organisation.Other("VRO", "Ministerie van Volkshuisvesting en Ruimtelijke Ordening", OrganisationKind.Departement, "BZK"),
        Organisation.Other("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", OrganisationKind.Departement),
        Organisation.Other("SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", OrganisationKind.Departement),
        Organisation.Other("JENV", "Ministerie van Justitie en Veiligheid", OrganisationKind.Departement),
        Organisation.Other("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport", OrganisationKind.Departement),
        Organisation.Other("FIN", "Ministerie van Financiën", OrganisationKind.Departement),
        Organisation.Other("EZK", "Ministerie van Economische Zaken en Klimaat / Klimaat en Groene Groei", OrganisationKind.Departement),
        Organisation.Other("RVO", "Rijksdienst voor Ondernemend Nederland (loket VHF en WBI)", OrganisationKind.Uitvoeringsorganisatie, "BZK"),
        Organisation.Other("SBSD", "Strategisch Beraad Sociaal Domein", OrganisationKind.Gremium),
        Organisation.Other("BRSD", "Brede Regietafel Sociaal Domein", OrganisationKind.Gremium),
        Organisation.Other(BestuurlijkOverleg, "Bestuurlijk overleg focusgebieden NPLV", OrganisationKind.Gremium),
        Organisation.Other("TC-VHF", "Toetsingscommissie Volkshuisvestingsfonds", OrganisationKind.Toetsingscommissie, "VRO"),
        Organisation.Other("TC-WBI", "Toetsingscommissie Woningbouwimpuls", OrganisationKind.Toetsingscommissie, "VRO"),
    ];

    public static string AllianceCode(string focusgebiedCode) => "ALLIANTIE-" + focusgebiedCode.ToUpperInvariant();

    public static Organisation Alliance(string focusgebiedCode, string focusgebiedName) =>
        Organisation.Other(AllianceCode(focusgebiedCode), $"Alliantie {focusgebiedName}", OrganisationKind.Alliantie);
}
