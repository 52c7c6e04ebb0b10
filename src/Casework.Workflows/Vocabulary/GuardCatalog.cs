namespace Casework.Workflows.Vocabulary;

public sealed record GuardSpec(string Name, string Checks, IReadOnlyList<string> Params);

/// <summary>
/// The guard names definitions may use. The guards themselves are implemented in the Web project
/// (they read facts inside the command's transaction); this list is the contract between the two.
/// </summary>
public static class GuardCatalog
{
    public static IReadOnlyList<GuardSpec> All { get; } =
    [
        new("indieningsperiodeOpen", "Nu ligt binnen het indieningstijdvak van de ronde (open <= nu < sluiting, Europe/Amsterdam).", []),
        new("herstelGeboden", "Er is een herstelverzoek verstuurd en dat is aangevuld of de hersteltermijn is verstreken (Awb 4:5).", []),
        new("toelatingscriteriaVoldaan", "Alle toelatingsregels van de regelset van de ronde zijn voldaan; anders de gebroken regels met bron.", []),
        new("scoresCompleet", "Voor elk criterium van de ronde is een score (1-10) vastgelegd.", []),
        new("rangschikkingVastgesteld", "De rangschikking van de ronde is vastgesteld: geen open gelijke scores.", []),
        new("binnenPlafond", "Het bedrag past binnen de resterende ruimte van het plafond van de ronde.", []),
        new("nietOnderUitbetaald", "Een toekenning die het besluit herroept of verlaagt, komt niet onder wat er al van is uitbetaald.", []),
        new("opAgenda", "De zaak staat op de agenda van een vergadering van het orgaan 'body' (SBSD, BRSD, BO) die is gehouden.", ["body"]),
        new("duplicaatBestaat", "Het invoerveld 'duplicaatVan' verwijst naar een bestaande, open knelpunt-zaak (niet deze zaak).", []),
        new("mijlpaalStatus", "De mijlpaal 'kind' (start-bouw, gereed) van de toekenning heeft de status 'status' (gemeld, aanvaard, aanvullingGevraagd): de melding met bewijsstukken en het oordeel daarover zijn vastgelegd.", ["kind", "status"]),
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
}
