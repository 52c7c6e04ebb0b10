using System.Collections.Frozen;

namespace Casework.Domain.Time;

/// <summary>The catalogue of term kinds the system knows. Ids are stable: deadlines store them.</summary>
public static class TermKinds
{
    public static TermKind Beslistermijn { get; } = new(
        Id: "beslistermijn",
        Name: "Beslistermijn aanvraag",
        Length: TermLength.Weeks(8),
        LegalSource: "Awb 4:13 lid 2",
        EventDescription: "ontvangst van de aanvraag",
        AtwApplies: true,
        SuspensionApplies: true,
        PostalWeekApplies: false,
        ExtendableByNotice: true,
        MaximumExtension: null,
        ExtensionSource: "Awb 4:14 lid 1",
        WarningLeadDays: 14,
        LengthIsConfigurable: true,
        Note: "Awb 4:13 lid 2 when no statute names a term. A round whose regeling names its own beslistermijn " +
              "(Awb 4:13 lid 1) carries its length and start in the round's rule set; the deadline is started with it.");

    public static TermKind Hersteltermijn { get; } = new(
        Id: "hersteltermijn",
        Name: "Hersteltermijn aanvulling aanvraag",
        Length: TermLength.Weeks(2),
        LegalSource: "Awb 4:5 lid 1",
        EventDescription: "verzending van het verzoek om aanvulling",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 3,
        LengthIsConfigurable: true,
        Note: "Atw art. 1 strictly covers terms set in a statute, and the authority sets this one. We apply it " +
              "anyway so that no term we set ends on a non-working day: the safe side for the applicant.");

    public static TermKind Bezwaartermijn { get; } = new(
        Id: "bezwaartermijn",
        Name: "Bezwaartermijn",
        Length: TermLength.Weeks(6),
        LegalSource: "Awb 6:7, 6:8 lid 1",
        EventDescription: "bekendmaking van het besluit (de termijn begint de dag erna, Awb 6:8 lid 1)",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: true,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 7);

    public static TermKind BeslissingOpBezwaar { get; } = new(
        Id: "beslissing-op-bezwaar",
        Name: "Beslistermijn bezwaar",
        Length: TermLength.Weeks(6),
        LegalSource: "Awb 7:10 lid 1",
        EventDescription: "laatste dag van de bezwaartermijn (de termijn begint de dag erna)",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: true,
        MaximumExtension: TermLength.Weeks(6),
        ExtensionSource: "Awb 7:10 lid 3",
        WarningLeadDays: 14);

    public static TermKind BeslissingOpBezwaarCommissie { get; } = new(
        Id: "beslissing-op-bezwaar-commissie",
        Name: "Beslistermijn bezwaar met adviescommissie",
        Length: TermLength.Weeks(12),
        LegalSource: "Awb 7:10 lid 1 (adviescommissie, Awb 7:13)",
        EventDescription: "laatste dag van de bezwaartermijn (de termijn begint de dag erna)",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: true,
        MaximumExtension: TermLength.Weeks(6),
        ExtensionSource: "Awb 7:10 lid 3",
        WarningLeadDays: 14);

    public static TermKind BuitenBehandelingBesluit { get; } = new(
        Id: "buiten-behandeling-besluit",
        Name: "Besluit aanvraag buiten behandeling laten",
        Length: TermLength.Weeks(4),
        LegalSource: "Awb 4:5 lid 4",
        EventDescription: "aanvulling van de aanvraag of ongebruikt verstrijken van de hersteltermijn",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 7);

    public static TermKind WbiStartBouw { get; } = new(
        Id: "wbi-start-bouw",
        Name: "Start bouw Woningbouwimpuls",
        Length: TermLength.Years(3),
        LegalSource: "Regeling Woningbouwimpuls 2020 art. 4",
        EventDescription: "besluit tot verlening van de specifieke uitkering",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 90,
        Note: WbiAtwNote);

    public static TermKind WbiAlleWoningen { get; } = new(
        Id: "wbi-alle-woningen",
        Name: "Alle woningen gerealiseerd Woningbouwimpuls",
        Length: TermLength.Years(10),
        LegalSource: "Regeling Woningbouwimpuls 2020 art. 4",
        EventDescription: "besluit tot verlening van de specifieke uitkering",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 180,
        Note: WbiAtwNote);

    public static TermKind SisaVerantwoording { get; } = new(
        Id: "sisa-verantwoording",
        Name: "Verantwoording via SiSa",
        Length: null,
        LegalSource: "Financiële-verhoudingswet art. 17a",
        EventDescription: "besluit tot verlening (het jaar van het besluit bepaalt het verantwoordingsjaar)",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 30,
        EndRule: TermEndRule.FifteenJulyOfNextYear,
        Note: "A fixed calendar date ('uiterlijk 15 juli'), not a term counted in days, so the Atw does not move " +
              "it; keeping 15 July is also the safe side for the municipality.");

    public static TermKind KnelpuntReactietermijn { get; } = new(
        Id: "knelpunt-reactietermijn",
        Name: "Reactietermijn knelpunt",
        Length: TermLength.Weeks(6),
        LegalSource: "(ontwerpkeuze)",
        EventDescription: "melding van het knelpunt",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 7,
        Note: "No statute; the Atw is followed by analogy so no reaction term ends on a non-working day.");

    public static TermKind VastloperReactietermijn { get; } = new(
        Id: "vastloper-reactietermijn",
        Name: "Reactietermijn vastloper",
        Length: TermLength.Weeks(4),
        LegalSource: "(ontwerpkeuze)",
        EventDescription: "melding van de vastloper",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 5,
        Note: "No statute; the Atw is followed by analogy so no reaction term ends on a non-working day.");

    public static TermKind MijlpaalStartBouw { get; } = new(
        Id: "mijlpaal-start-bouw",
        Name: "Mijlpaal start van de bouw",
        Length: TermLength.Years(2),
        LegalSource: "(ontwerpkeuze) de termijn start bouw is een regel van de ronde, met de bron daar",
        EventDescription: "besluit tot verlening van de specifieke uitkering",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 90,
        LengthIsConfigurable: true,
        Note: "Watches the start milestone where the application's definition starts no term of its own (VHF). " +
              "The length comes from the round. " + "A condition of the uitkering, not a procedural term: no Atw.");

    public static TermKind MijlpaalGereed { get; } = new(
        Id: "mijlpaal-gereed",
        Name: "Mijlpaal project gereed",
        Length: TermLength.Years(10),
        LegalSource: "(ontwerpkeuze) de termijn gereed is een regel van de ronde, met de bron daar",
        EventDescription: "besluit tot verlening van de specifieke uitkering",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 180,
        LengthIsConfigurable: true,
        Note: "Watches the completion milestone where the application's definition starts no term of its own (VHF).");

    public static TermKind SisaUitstel { get; } = new(
        Id: "sisa-verantwoording-uitstel",
        Name: "Verantwoording via SiSa na uitstel",
        Length: TermLength.Weeks(12),
        LegalSource: "Financiële-verhoudingswet art. 17b",
        EventDescription: "besluit op het verzoek om uitstel (de verleende datum)",
        AtwApplies: false,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 14,
        LengthIsConfigurable: true,
        Note: "The granted date replaces 15 July: the term is always started with the length up to that date; the " +
              "default length only keeps the kind computable on its own.");

    public static TermKind SisaUitstelBeslissing { get; } = new(
        Id: "sisa-uitstel-beslissing",
        Name: "Beslissing op verzoek om uitstel van de SiSa-verantwoording",
        Length: TermLength.Weeks(2),
        LegalSource: "Ontwerpkeuze: een instelling, standaard twee weken; het verzoek om uitstel zelf volgt Financiële-verhoudingswet art. 17b",
        EventDescription: "ontvangst van het verzoek om uitstel",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 3,
        LengthIsConfigurable: true,
        Note: "The length is configuration (AfterAward:UitstelDecisionWeeks); the statute's text was not checked for a term of its own.");

    public static TermKind Terugbetalingstermijn { get; } = new(
        Id: "terugbetalingstermijn",
        Name: "Terugbetaling van de teruggevorderde uitkering",
        Length: TermLength.Weeks(6),
        LegalSource: "(ontwerpkeuze)",
        EventDescription: "verzending van het besluit tot terugvordering",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: false,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 7,
        Note: "No source found names the payment term of a terugvordering of a specifieke uitkering; six weeks, " +
              "as long as the bezwaartermijn, is a configuration choice. The Atw is followed so it ends on a working day.");

    public static TermKind Beroepstermijn { get; } = new(
        Id: "beroepstermijn",
        Name: "Beroepstermijn",
        Length: TermLength.Weeks(6),
        LegalSource: "Awb 8:1, 6:7, 6:8 lid 1",
        EventDescription: "bekendmaking van de beslissing op bezwaar (de termijn begint de dag erna, Awb 6:8 lid 1)",
        AtwApplies: true,
        SuspensionApplies: false,
        PostalWeekApplies: true,
        ExtendableByNotice: false,
        MaximumExtension: null,
        ExtensionSource: null,
        WarningLeadDays: 7,
        Note: "Casework tracks no beroep (the rechtbank's procedure is outside the system): the term is computed for " +
              "the beslissing op bezwaar's letter only, the same way as the bezwaartermijn, never started as a deadline.");

    private const string WbiAtwNote =
        "The Atw extends terms 'in een wet gesteld' for performing an act. This is a condition of the subsidy " +
        "(a fact, the start or completion of building, must have occurred by then) set in a ministerial " +
        "regulation, not a procedural term, so the Atw is not applied; over years a weekend end is immaterial. " +
        "Flip the flag if legal advice says otherwise.";

    public static IReadOnlyList<TermKind> All { get; } =
    [
        Beslistermijn,
        Hersteltermijn,
        Bezwaartermijn,
        BeslissingOpBezwaar,
        BeslissingOpBezwaarCommissie,
        BuitenBehandelingBesluit,
        WbiStartBouw,
        WbiAlleWoningen,
        SisaVerantwoording,
        KnelpuntReactietermijn,
        VastloperReactietermijn,
        MijlpaalStartBouw,
        MijlpaalGereed,
        SisaUitstel,
        SisaUitstelBeslissing,
        Terugbetalingstermijn,
        Beroepstermijn,
    ];

    private static readonly FrozenDictionary<string, TermKind> ById = All.ToFrozenDictionary(k => k.Id, StringComparer.Ordinal);

    public static TermKind Get(string id) =>
        ById.TryGetValue(id, out var kind) ? kind : throw new KeyNotFoundException($"Unknown term kind '{id}'.");

    public static bool TryGet(string id, out TermKind? kind) => ById.TryGetValue(id, out kind);
}
