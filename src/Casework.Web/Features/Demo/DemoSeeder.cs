using System.Diagnostics;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Applications.CommitteeScoring;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Tranches;
using Casework.Web.Features.Vastlopers;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Demo;

/// <summary>What one run of the demo seed did.</summary>
/// <param name="Outcome">Seeded, already there, or refused.</param>
/// <param name="Rounds">Rounds announced.</param>
/// <param name="Applications">VHF and WBI applications.</param>
/// <param name="Knelpunten">Knelpunten (including the one a vastloper became).</param>
/// <param name="Vastlopers">Vastlopers.</param>
/// <param name="Meetings">SBSD and BRSD meetings.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record DemoSeedResult(DemoSeedOutcome Outcome, int Rounds, int Applications, int Knelpunten, int Vastlopers, int Meetings, TimeSpan Elapsed)
{
    public static DemoSeedResult Nothing(DemoSeedOutcome outcome, TimeSpan elapsed) => new(outcome, 0, 0, 0, 0, 0, elapsed);
}

public enum DemoSeedOutcome
{
    /// <summary>The programme was seeded now.</summary>
    Seeded,

    /// <summary>The demo rounds are there already: nothing was added.</summary>
    AlreadyPresent,

    /// <summary>The database holds cases that are not demo data: nothing was added.</summary>
    RefusedRealData,
}

/// <summary>
/// Fills a database without cases with a believable running programme (ADR-021): an earlier VHF and WBI round whose
/// applications were decided months ago, an open VHF and WBI round with applications in every state before a
/// decision, knelpunten at every level with held and planned SBSD and BRSD meetings, and vastlopers of several
/// alliances. Every row comes from the commands the pages and the API send, as the demo users, each at its own moment
/// on the <see cref="DemoClock"/>, so terms, deadlines and the audit chains are what they would be had it all happened.
/// Idempotent: the demo rounds are the marker; a database with any other case is left alone.
/// </summary>
internal sealed partial class DemoSeeder(IServiceScopeFactory scopes, DemoScript script, ILogger<DemoSeeder> logger)
{
    /// <summary>Every demo round's name starts with this (round names are letters, digits and dashes).</summary>
    public const string RoundPrefix = "Demo-ronde-";

    public const string EarlierRound = RoundPrefix + "1";

    public const string OpenRound = RoundPrefix + "2";

    private const string Beheerder = "beheerder";
    private const string Loket = "rvo-loket";
    private const string Loket2 = "rvo-loket-2";
    private const string Vro = "vro-beoordelaar";
    private const string Vro2 = "vro-beoordelaar-2";
    private const string Szw = "szw-beoordelaar";
    private const string Sbsd = "sbsd-secretaris";
    private const string Brsd = "brsd-secretaris";
    private const string TcVhf = "commissie-vhf";
    private static readonly string[] TcWbi = ["commissie-wbi", "commissie-wbi-2", "commissie-wbi-3"];

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            if (await db.Set<Tranche>().AnyAsync(t => t.Name.StartsWith(RoundPrefix), ct))
            {
                LogAlreadyPresent();
                return DemoSeedResult.Nothing(DemoSeedOutcome.AlreadyPresent, watch.Elapsed);
            }

            var cases = await db.Cases.CountAsync(ct);
            if (cases > 0)
            {
                LogRefused(cases);
                return DemoSeedResult.Nothing(DemoSeedOutcome.RefusedRealData, watch.Elapsed);
            }
        }

        await RunAsync(ct);
        await script.Now(ct);
        var result = await CountAsync(watch.Elapsed, ct);
        LogSeeded(result.Rounds, result.Applications, result.Knelpunten, result.Vastlopers, result.Meetings, result.Elapsed.TotalSeconds);
        return result;
    }

    private async Task<DemoSeedResult> CountAsync(TimeSpan elapsed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var byDefinition = await db.Cases.GroupBy(c => c.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(params string[] ids) => ids.Sum(id => byDefinition.GetValueOrDefault(id));
        return new DemoSeedResult(
            DemoSeedOutcome.Seeded,
            await db.Set<Tranche>().CountAsync(t => t.Name.StartsWith(RoundPrefix), ct),
            Of("vhf-application", "wbi-application"),
            Of("knelpunt"),
            Of("vastloper"),
            await db.Set<Domain.Escalation.Meeting>().CountAsync(ct),
            elapsed);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var s = script;
        var applications = new Applications(s);

        // Over half a year ago: the committees' chairs, and the earlier rounds (closed today) are announced, six weeks
        // or more before they open.
        await s.At(-200, ct);
        await s.Send(Beheerder, new AppointChairCommand("TC-VHF", new AppointChairRequest(TcVhf, "Eva de Boer")));
        await s.Send(Beheerder, new AppointChairCommand("TC-WBI", new AppointChairRequest(TcWbi[0], "Hans Smit")));
        var vhf1 = await Announce(Regeling.Vhf, "2024-R4", EarlierRound, -160, -120, 150_000_000m, "Eerdere demonstratieronde van het Volkshuisvestingsfonds; de aanvragen zijn beoordeeld en grotendeels besloten.");
        var wbi1 = await Announce(Regeling.Wbi, "T6", EarlierRound, -155, -125, 200_000_000m, "Eerdere demonstratieronde van de Woningbouwimpuls; de aanvragen zijn beoordeeld en grotendeels besloten.");

        // The earlier rounds' applications.
        await s.At(-150, ct);
        var p1 = await applications.Submitted("rotterdam-aanvrager", vhf1, Regeling.Vhf, "Tarwewijk: herstructurering rond de Millinxbuurt", "Rotterdam-Zuid", 420, 80, 60, 140, 13_000_000m, ct);
        var p2 = await applications.Submitted("utrecht-aanvrager", vhf1, Regeling.Vhf, "Overvecht-Noord: Zambesidreef vernieuwd", "Utrecht Overvecht", 260, 60, 40, 100, 9_600_000m, ct);
        var p3 = await applications.Submitted("denhaag-aanvrager", vhf1, Regeling.Vhf, "Dreven en Gaarden: renovatie portiekflats", "Den Haag Zuidwest", 180, 40, 0, 60, 7_200_000m, ct);
        var p4 = await applications.Submitted("amsterdam-aanvrager", vhf1, Regeling.Vhf, "Bijlmer Centrum: Kruitberg en Gooioord", "Amsterdam Zuidoost", 340, 120, 40, 200, 14_400_000m, ct);
        var p5 = await applications.Submitted("eindhoven-aanvrager", vhf1, Regeling.Vhf, "Woensel-Zuid: Kruidenbuurt", "Eindhoven Woensel-Zuid", 150, 30, 20, 50, 6_000_000m, ct);
        var p6 = await applications.Submitted("groningen-aanvrager", vhf1, Regeling.Vhf, "Selwerd: vernieuwing van de Zonnelaan", "Groningen Noord", 210, 50, 30, 110, 8_800_000m, ct);
        var w1 = await applications.Submitted("rotterdam-aanvrager", wbi1, Regeling.Wbi, "Feijenoord City: eerste fase", null, 420, 120, 60, 400, 16_000_000m, ct, otherArea: "Kop van Feijenoord");
        var w2 = await applications.Submitted("amsterdam-aanvrager", wbi1, Regeling.Wbi, "Sloterdijk Centrum: woontorens", null, 380, 100, 20, 300, 12_400_000m, ct, otherArea: "Haven-Stad");
        var w3 = await applications.Submitted("weert-aanvrager", wbi1, Regeling.Wbi, "Kampershoek-Noord: woningbouw op het bedrijventerrein", null, 120, 40, 60, 180, 6_400_000m, ct, otherArea: "Kampershoek");
        var w4 = await applications.Submitted("eindhoven-aanvrager", wbi1, Regeling.Wbi, "Fellenoord: hoogstedelijk wonen bij het station", null, 300, 80, 40, 380, 12_800_000m, ct, otherArea: "Stationsgebied");

        // The loket checks completeness; one application misses information and gets a herstelverzoek.
        await s.At(-145, ct);
        foreach (var id in new[] { p1, p2, p3, p4, p6, w1, w2, w3, w4 })
        {
            await s.Fire(Loket, id, "verklaarVolledig");
        }

        await s.Fire(Loket, p5, "verzoekHerstel", "De onderbouwing van het financiële tekort ontbreekt: de grondexploitatie is niet bijgevoegd.", new { termijnDagen = 14 });

        await s.At(-140, ct);
        foreach (var id in new[] { p1, p2, p3, p4, p6, w1, w2, w3 })
        {
            await s.Fire(Vro, id, "toelaten");
        }

        // The herstel term ran out unused (the deadline worker moved it on); after both windows closed the loket puts it
        // aside (vier-ogen) and the committees score and advise.
        await s.At(-118, ct);
        await s.Decide(Loket, Loket2, p5, "buitenBehandelingStellen", "De gemeente heeft de aanvraag niet binnen de hersteltermijn aangevuld.", new { verzenddatum = DemoScript.Iso(s.Today) });
        await applications.VhfAdvice(p1, 78m, positive: true);
        await applications.VhfAdvice(p2, 66m, positive: true);
        await applications.VhfAdvice(p3, 48m, positive: false);
        await applications.VhfAdvice(p4, 72m, positive: true);
        await applications.VhfAdvice(p6, 61m, positive: true);
        await applications.WbiAdvice(w1, 8, positive: true);
        await applications.WbiAdvice(w2, 7, positive: true);
        await applications.WbiAdvice(w3, 4, positive: false);

        // The first besluiten; their bezwaartermijn has long passed today.
        await s.At(-100, ct);
        await applications.Award(p1);
        await applications.AwardPartly(p2, 0.6m, "Het plafond laat na de hoger gerangschikte aanvragen een gedeeltelijke toekenning toe.");
        await applications.Reject(p3, "De toetsingscommissie adviseerde negatief: het plan is onvoldoende effectief.");
        await applications.Award(w1);

        // Knelpunten and vastlopers of the alliances, gemeenten and departments, and the meetings that handle them.
        await s.At(-75, ct);
        await RaiseVastloper("alliantie-delft-west", "Delft West", "Splitsen van eengezinswoningen stuit op de huisvestingsverordening", "Eigenaren willen grote eengezinswoningen splitsen voor jongeren, maar de verordening staat dat in de wijk niet toe.");

        await s.At(-70, ct);
        var k1 = await RaiseKnelpunt("alliantie-rotterdam-zuid", "Kostendelersnorm blokkeert schuldhulp", "Inwoners die een woning delen verliezen een deel van hun uitkering, waardoor schuldhulptrajecten vastlopen.", new("Participatiewet", "BWBR0015703", "22a"), "schulden", [], "Kostendelersnorm niet toepassen tijdens een schuldhulptraject.");
        var k2 = await RaiseKnelpunt("amsterdam-aanvrager", "Wachtlijst jeugdzorg bij herhuisvesting", "Gezinnen die bij sloop-nieuwbouw verhuizen naar een andere gemeente, komen daar onderaan de wachtlijst voor jeugdhulp.", new("Jeugdwet", "BWBR0034925", "2.3"), "zorg", [Focusgebied.Slug("Amsterdam Zuidoost")], "De hulp loopt door bij de verhuizing tot de nieuwe gemeente het overneemt.");
        var k3 = await RaiseKnelpunt("alliantie-groningen-noord", "Urgentie bij uitstroom beschermd wonen", "Wie uitstroomt uit beschermd wonen, krijgt in de buurgemeente geen urgentie voor een woning.", new("Huisvestingswet 2014", "BWBR0035303", "12"), "wonen", [], "Regionale urgentieregeling voor uitstroom.");
        var k4 = await RaiseKnelpunt(Szw, "Stapeling van terugvorderingen bij toeslagen", "Terugvorderingen van toeslagen en gemeentelijke regelingen stapelen zich op tot onder het bestaansminimum.", new("Algemene wet inkomensafhankelijke regelingen", "BWBR0018472", "26a"), "schulden", [Focusgebied.Slug("Rotterdam-Zuid"), Focusgebied.Slug("Groningen Noord")], null);
        var k5 = await RaiseKnelpunt("utrecht-aanvrager", "Leerplicht en tijdelijke huisvesting", "Kinderen in tijdelijke noodopvang tellen niet mee in de leerlingenprognose, waardoor de school geen lokalen krijgt.", new("Leerplichtwet 1969", "BWBR0002628", "2"), "onderwijs", [Focusgebied.Slug("Utrecht Overvecht")], null);

        await s.At(-66, ct);
        await Triage(k1, "schulden", "SZW");
        await Triage(k2, "zorg", "VRO");
        await Triage(k3, "wonen", "VRO");
        await Triage(k4, "schulden", "SZW");
        await Triage(k5, "onderwijs", "VRO");

        // The open rounds are announced, six weeks before the WBI round opens.
        await s.At(-60, ct);
        var vhf2 = await Announce(Regeling.Vhf, "2024-R4", OpenRound, -21, 35, 150_000_000m, "Open demonstratieronde van het Volkshuisvestingsfonds.");
        var wbi2 = await Announce(Regeling.Wbi, "T6", OpenRound, -14, 21, 200_000_000m, "Open demonstratieronde van de Woningbouwimpuls.");
        await s.Fire(Szw, k1, "voorstelIndienen", data: new { voorgesteldeOplossing = "Experimenteerruimte: de kostendelersnorm tijdelijk buiten toepassing tijdens een schuldhulptraject." });
        await s.Fire(Vro, k2, "voorstelIndienen", data: new { voorgesteldeOplossing = "Een handreiking: de oude gemeente blijft verantwoordelijk tot de overdracht is geregeld." });
        await s.Fire(Vro, k3, "voorstelIndienen", data: new { voorgesteldeOplossing = "Een regionale urgentieregeling in de huisvestingsverordening van de regio." });
        await s.Fire(Szw, k4, "voorstelIndienen", data: new { voorgesteldeOplossing = "Eén beslagvrije voet over alle terugvorderingen heen." });
        await s.Fire(Vro, k5, "voorstelIndienen", data: new { voorgesteldeOplossing = "Tijdelijke huisvesting meetellen in de prognose." });
        var v6 = await RaiseVastloper("alliantie-rotterdam-zuid", "Rotterdam-Zuid", "Energiearmoede: isolatiesubsidie niet voor huurders", "Huurders in particuliere huurwoningen kunnen de isolatiesubsidie niet aanvragen; de verhuurder doet het niet.");

        await s.At(-55, ct);
        var sbsdHeld = await PlanMeeting(Sbsd, "SBSD", -35);
        var brsdHeld = await PlanMeeting(Brsd, "BRSD", -14);
        var sbsdItems = new Dictionary<Guid, Guid>();
        foreach (var k in new[] { k1, k2, k3, k4, k5 })
        {
            sbsdItems[k] = await AddToAgenda(Sbsd, sbsdHeld, k);
        }

        await s.At(-50, ct);
        var k6 = await RaiseKnelpunt("alliantie-utrecht-overvecht", "Mantelzorgwoning telt als tweede woning", "Een mantelzorgwoning in de tuin leidt tot een hogere WOZ-waarde en verlies van toeslagen.", new("Wet waardering onroerende zaken", "BWBR0007119", "16"), "zorg", [], "Mantelzorgwoning buiten de WOZ-waarde laten.");
        var k7 = await RaiseKnelpunt("denhaag-aanvrager", "Inschrijving op een briefadres bij dakloosheid", "Dakloze jongeren krijgen geen briefadres zonder vaste verblijfplaats en kunnen daardoor geen uitkering aanvragen.", new("Wet basisregistratie personen", "BWBR0033715", "2.40"), "werk-en-inkomen", [Focusgebied.Slug("Den Haag Zuidwest")], null);
        var k8 = await RaiseKnelpunt("eindhoven-aanvrager", "Re-integratie en de Wet inburgering", "Statushouders in een re-integratietraject mogen hun inburgeringsplicht niet combineren met werk.", new("Wet inburgering 2021", "BWBR0044770", "6"), "werk-en-inkomen", [Focusgebied.Slug("Eindhoven Woensel-Zuid")], null);

        await s.At(-48, ct);
        await Triage(k6, "zorg", "VRO");
        await Triage(k7, "werk-en-inkomen", "VRO");
        await Triage(k8, "werk-en-inkomen", "SZW");

        await s.At(-40, ct);
        await s.Fire(Vro, k6, "voorstelIndienen", data: new { voorgesteldeOplossing = "Mantelzorgwoning vrijstellen in de waardering." });
        await s.Fire(Vro, k7, "voorstelIndienen", data: new { voorgesteldeOplossing = "Briefadres via de maatschappelijke opvang, zonder vaste verblijfplaats." });
        var v3 = await RaiseVastloper("alliantie-groningen-noord", "Groningen Noord", "Schuldhulp wacht op het inkomensoverzicht van de Belastingdienst", "Een schuldhulptraject kan pas starten met een inkomensverklaring, die weken op zich laat wachten.");

        await s.At(-38, ct);
        await s.Send(Vro, new ConvertVastloperCommand(v6, await s.VersionOf(v6), "Dit raakt de subsidieregeling zelf: het hoort als knelpunt bij het Strategisch Beraad.", new WetReferentieDto("Subsidieregeling verduurzaming en onderhoud huurwoningen", null, null)));

        // The SBSD meets: two knelpunten go up to the BRSD, one is solved, two wait for the BRSD's agenda.
        await s.At(-35, ct);
        await Decide(Sbsd, sbsdHeld, sbsdItems[k1], "sbsdEscaleren", "Het SBSD legt het knelpunt voor aan de BRSD.", "Vraagt een bestuurlijke afweging tussen SZW en de gemeenten.", null);
        await Decide(Sbsd, sbsdHeld, sbsdItems[k2], "sbsdBesluitOpgelost", "Opgelost met een handreiking voor de overdracht van jeugdhulp.", null, new { uitkomst = "hardheidsclausule-of-maatwerk" });
        await Decide(Sbsd, sbsdHeld, sbsdItems[k3], "sbsdEscaleren", "Het SBSD legt het knelpunt voor aan de BRSD.", "Een regionale regeling vraagt afspraken tussen de gemeenten van de regio.", null);
        await Decide(Sbsd, sbsdHeld, sbsdItems[k4], "sbsdEscaleren", "Het SBSD legt het knelpunt voor aan de BRSD.", "Raakt meerdere departementen.", null);
        await Decide(Sbsd, sbsdHeld, sbsdItems[k5], "sbsdEscaleren", "Het SBSD legt het knelpunt voor aan de BRSD.", "OCW en VRO zijn het niet eens over de aanpak.", null);
        await s.Send(Sbsd, new CloseMeetingCommand(sbsdHeld));

        await s.At(-30, ct);
        var brsdItems = new Dictionary<Guid, Guid>
        {
            [k1] = await AddToAgenda(Brsd, brsdHeld, k1),
            [k3] = await AddToAgenda(Brsd, brsdHeld, k3),
        };

        await s.At(-20, ct);
        await applications.Award(p4);
        await s.Fire(Szw, v3, "oplossen", "De Belastingdienst levert het inkomensoverzicht voortaan binnen vijf werkdagen aan de gemeente.");
        var sbsdPlanned = await PlanMeeting(Sbsd, "SBSD", 9);
        var brsdPlanned = await PlanMeeting(Brsd, "BRSD", 20);
        var k10 = await RaiseKnelpunt("vlieland-aanvrager", "Bouwvergunning voor een tijdelijke woonunit", "De vergunning voor een tijdelijke woonunit voor seizoenswerkers duurt te lang.", new("Omgevingswet", "BWBR0037885", "5.1"), "wonen", [], null);

        await s.At(-18, ct);
        await s.Fire(Sbsd, k10, "triageAfsluiten", "De Omgevingswet biedt hiervoor al een snelle procedure; de gemeente is daarop gewezen.", new { resultaat = "geen-knelpunt" });
        var o5 = await applications.Submitted("groningen-aanvrager", vhf2, Regeling.Vhf, "Vinkhuizen: Siersteenlaan", "Groningen Noord", 190, 40, 30, 90, 7_800_000m, ct);

        await s.At(-17, ct);
        var o4 = await applications.Submitted("denhaag-aanvrager", vhf2, Regeling.Vhf, "Moerwijk: Zuiderpark-Oost", "Den Haag Zuidwest", 230, 70, 20, 110, 9_800_000m, ct);

        await s.At(-16, ct);
        var o3 = await applications.Submitted("utrecht-aanvrager", vhf2, Regeling.Vhf, "Overvecht-Zuid: Wolgadreef", "Utrecht Overvecht", 200, 60, 20, 90, 8_200_000m, ct);
        var o6 = await applications.Submitted("eindhoven-aanvrager", vhf2, Regeling.Vhf, "Woensel-Zuid: Vlokhoven", "Eindhoven Woensel-Zuid", 170, 50, 30, 70, 7_000_000m, ct);

        await s.At(-15, ct);
        await s.Fire(Loket, o4, "verzoekHerstel", "Het collegebesluit is niet ondertekend.", new { termijnDagen = 14 });

        // The BRSD meets: one knelpunt goes to the bestuurlijk overleg, one is solved.
        await s.At(-14, ct);
        await Decide(Brsd, brsdHeld, brsdItems[k1], "brsdEscaleren", "De BRSD legt het knelpunt voor aan het bestuurlijk overleg.", "Vraagt een besluit van de bewindspersonen.", null);
        await Decide(Brsd, brsdHeld, brsdItems[k3], "brsdBesluitOpgelost", "Experimenteerruimte voor een regionale urgentieregeling.", null, new { uitkomst = "experimenteerruimte" });
        await s.Send(Brsd, new CloseMeetingCommand(brsdHeld));

        await s.At(-13, ct);
        var q4 = await applications.Submitted("rotterdam-aanvrager", wbi2, Regeling.Wbi, "Rijnhaven-Zuid: wonen aan het water", null, 360, 100, 40, 300, 12_000_000m, ct, otherArea: "Rijnhaven");
        var q5 = await applications.Submitted("utrecht-aanvrager", wbi2, Regeling.Wbi, "Merwede: autoluwe wijk", null, 420, 160, 20, 400, 16_000_000m, ct, otherArea: "Merwedekanaalzone");
        var q6 = await applications.Submitted("amsterdam-aanvrager", wbi2, Regeling.Wbi, "Buiksloterham: tweede fase", null, 300, 120, 0, 280, 11_200_000m, ct, otherArea: "Buiksloterham");

        await s.At(-12, ct);
        await applications.AwardPartly(w2, 0.75m, "Het plafond van de ronde laat na de hoger gerangschikte aanvragen driekwart van het gevraagde bedrag toe.");
        var q7 = await applications.Submitted("eindhoven-aanvrager", wbi2, Regeling.Wbi, "Strijp-S: Torenallee", null, 240, 80, 40, 240, 9_600_000m, ct, otherArea: "Strijp");
        await s.Fire(Loket, o5, "verklaarVolledig");

        await s.At(-11, ct);
        foreach (var id in new[] { o6, q4, q5, q6, q7 })
        {
            await s.Fire(Loket, id, "verklaarVolledig");
        }

        await s.At(-10, ct);
        await s.Fire(Vro, k3, "afsluiten", "De regio heeft de urgentieregeling vastgesteld.", new { resultaat = "experimenteerruimte" });

        await s.At(-9, ct);
        await s.Fire(Loket, o3, "verzoekHerstel", "De begroting sluit niet aan op het gevraagde bedrag.", new { termijnDagen = 14 });
        foreach (var id in new[] { o6, q5, q6, q7 })
        {
            await s.Fire(Vro, id, "toelaten");
        }

        await s.At(-8, ct);
        await applications.Reject(w3, "De toetsingscommissie adviseerde negatief: de woningen zijn niet binnen de termijn van de regeling gereed.");
        var q3 = await applications.Submitted("weert-aanvrager", wbi2, Regeling.Wbi, "Centrum-Noord: Beekstraatkwartier", null, 110, 50, 50, 90, 5_200_000m, ct, otherArea: "Binnenstad");

        await s.At(-7, ct);
        await AddToAgenda(Sbsd, sbsdPlanned, k6);
        await AddToAgenda(Brsd, brsdPlanned, k4);

        await s.At(-6, ct);
        await s.Attach("denhaag-aanvrager", o4, Domain.Documents.InformatieobjecttypeCatalogus.Herstelstuk, "Ondertekend collegebesluit", ["Het collegebesluit, nu ondertekend door de burgemeester en de gemeentesecretaris.", "Dit document is voorbeeldmateriaal van de demonstratieomgeving."], ct);
        await s.Fire("denhaag-aanvrager", o4, "aanvullen");
        await RaiseVastloper("alliantie-rotterdam-zuid", "Rotterdam-Zuid", "Jongeren tussen wal en schip bij 18 jaar", "Bij de overgang naar volwassenheid stopt de jeugdhulp voordat de volwassenenzorg begint.");
        await RaiseVastloper("alliantie-utrecht-overvecht", "Utrecht Overvecht", "Huisarts kan niet uitbreiden in de wijk", "De praktijk vindt geen ruimte: de bestemming van leegstaande winkels staat zorg niet toe.");

        await s.At(-5, ct);
        await s.Fire(Loket, q3, "verzoekHerstel", "Het aantal betaalbare koopwoningen in het projectplan verschilt van de aanvraag.", new { termijnDagen = 7 });

        await s.At(-4, ct);
        await applications.Submitted("amsterdam-aanvrager", vhf2, Regeling.Vhf, "Nieuw-West: Slotermeer-Noordoost", "Amsterdam Nieuw-West", 260, 80, 30, 130, 10_400_000m, ct);
        await applications.Submitted("denhaag-aanvrager", wbi2, Regeling.Wbi, "Binckhorst: wonen en werken", null, 320, 120, 20, 340, 12_400_000m, ct, otherArea: "Binckhorst");
        await s.Score(TcVhf, o6, null, 69m);
        await s.Score(TcWbi[0], q5, WbiScores(7), null);
        await s.Score(TcWbi[1], q5, WbiScores(8), null);
        await applications.WbiAdvice(q6, 9, positive: true);
        await applications.WbiAdvice(q7, 6, positive: true);

        await s.At(-3, ct);
        await RaiseVastloper("rotterdam-aanvrager", "Rotterdam-Zuid", "Parkeernorm houdt de bouw van kleine woningen tegen", "De parkeernorm van de gemeente maakt kleine woningen voor starters onbetaalbaar.");
        await RaiseKnelpunt("weert-aanvrager", "Grensarbeiders en de kinderopvangtoeslag", "Ouders die in België werken, krijgen geen kinderopvangtoeslag terwijl de opvang in Nederland is.", new("Wet kinderopvang", "BWBR0017017", "1.6"), "werk-en-inkomen", [], null);

        await s.At(-2, ct);
        await applications.Draft("rotterdam-aanvrager", vhf2, Regeling.Vhf, "Hillesluis: Putselaan en omgeving", "Rotterdam-Zuid", 240, 60, 20, 100, 9_000_000m, ct);
        await applications.Draft("groningen-aanvrager", wbi2, Regeling.Wbi, "Suikerzijde: eerste woonvelden", null, 380, 120, 60, 340, 14_000_000m, ct, otherArea: "Suikerzijde");

    }

    private static Dictionary<string, decimal> WbiScores(int level) => new()
    {
        ["noodzaak"] = Math.Clamp(level + 1, 1, 10),
        ["effectiviteit"] = level,
        ["efficientie"] = Math.Clamp(level - 1, 1, 10),
        ["urgentie"] = level,
    };

    private async Task<Guid> Announce(Regeling regeling, string basis, string name, int opens, int closes, decimal ceiling, string notes)
    {
        Guid basisId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            basisId = await db.Set<Tranche>().AsNoTracking().Where(t => t.Regeling == regeling && t.Name == basis).Select(t => t.Id).SingleAsync();
        }

        var announced = await script.Send(Beheerder, new AnnounceTrancheCommand(new AnnounceTrancheRequest(basisId, name, script.Today, script.Day(opens), script.Day(closes), ceiling, null, notes)));
        return announced.Tranche.Id;
    }

    private async Task<Guid> RaiseKnelpunt(string user, string titel, string omschrijving, WetReferentieDto wet, string domein, IReadOnlyList<string> focusgebieden, string? oplossing) =>
        (await script.Send(user, new RaiseKnelpuntCommand(titel, omschrijving, wet, domein, focusgebieden, oplossing, []))).Id;

    private async Task Triage(Guid knelpunt, string domein, string department) =>
        await script.Fire(Sbsd, knelpunt, "triageAfronden", data: new { domein, trekkendDepartement = department });

    private async Task<Guid> RaiseVastloper(string user, string focusgebied, string titel, string omschrijving) =>
        (await script.Send(user, new RaiseVastloperCommand(titel, omschrijving, Focusgebied.Slug(focusgebied), script.Today.AddDays(-7)))).Id;

    /// <summary>A meeting whose agenda closes five days before it (the secretariat sets the cut-off when it plans).</summary>
    private async Task<Guid> PlanMeeting(string secretary, string body, int day) =>
        (await script.Send(secretary, new PlanMeetingCommand(body, script.Date(day), script.Date(day - 5), null))).Id;

    private async Task<Guid> AddToAgenda(string secretary, Guid meeting, Guid caseId) =>
        (await script.Send(secretary, new AddAgendaItemCommand(meeting, caseId, null))).Id;

    private async Task Decide(string secretary, Guid meeting, Guid item, string action, string besluit, string? reason, object? data) =>
        await script.Send(secretary, new RecordDecisionCommand(meeting, item, action, besluit, reason, DemoScript.Fields(data), []));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Rounds} rounds, {Applications} applications, {Knelpunten} knelpunten, {Vastlopers} vastlopers, {Meetings} meetings in {Seconds:0.0} s")]
    private partial void LogSeeded(int rounds, int applications, int knelpunten, int vastlopers, int meetings, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is present already (the demo rounds exist); nothing added")]
    private partial void LogAlreadyPresent();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not seeded: the database holds {Cases} cases that are not demo data")]
    private partial void LogRefused(int cases);

    /// <summary>The applications of the demo, and their procedure up to a besluit (as the gemeente, the loket, VRO and the committees).</summary>
    private sealed class Applications(DemoScript s)
    {
        private readonly Dictionary<Guid, decimal> _requested = [];

        public async Task<Guid> Draft(string user, Guid round, Regeling regeling, string project, string? focusgebied, int socialeHuur, int middenhuur, int koop, int other, decimal requested, CancellationToken ct, string? otherArea = null)
        {
            var today = s.Today;
            var deficit = requested * 2;
            var request = new ApplicationRequest(
                round,
                project,
                focusgebied is null ? null : Focusgebied.Slug(focusgebied),
                focusgebied is null ? otherArea : null,
                [],
                new HomesDto(socialeHuur, middenhuur, koop, other),
                koop > 0 ? 340_000m : null,
                null,
                deficit,
                requested,
                deficit - requested,
                null,
                regeling == Regeling.Vhf ? requested : null,
                null,
                today.AddMonths(10),
                today.AddYears(6),
                null,
                false,
                null);
            var draft = await s.Draft(user, request, ct);
            _requested[draft.Id] = requested;
            return draft.Id;
        }

        public async Task<Guid> Submitted(string user, Guid round, Regeling regeling, string project, string? focusgebied, int socialeHuur, int middenhuur, int koop, int other, decimal requested, CancellationToken ct, string? otherArea = null)
        {
            var id = await Draft(user, round, regeling, project, focusgebied, socialeHuur, middenhuur, koop, other, requested, ct, otherArea);
            await s.Submit(user, id);
            return id;
        }

        /// <summary>The VHF committee's member scores a total; its chair records the advice; the committee advises.</summary>
        public async Task VhfAdvice(Guid id, decimal total, bool positive)
        {
            await s.Score(TcVhf, id, null, total);
            await Advise(TcVhf, id, positive);
        }

        /// <summary>The three WBI members score (around <paramref name="level"/>); the chair records the mean; the committee advises.</summary>
        public async Task WbiAdvice(Guid id, int level, bool positive)
        {
            for (var i = 0; i < TcWbi.Length; i++)
            {
                await s.Score(TcWbi[i], id, WbiScores(Math.Clamp(level + i - 1, 1, 10)), null);
            }

            await Advise(TcWbi[0], id, positive);
        }

        private async Task Advise(string chair, Guid id, bool positive)
        {
            await s.Send(chair, new RecordScoresCommand(id, new ScoresRequest(positive ? CommitteeAdvice.Positief : CommitteeAdvice.Negatief)));
            await s.Fire(chair, id, "adviseren", data: new { advies = positive ? "positief" : "negatief" });
        }

        public async Task Award(Guid id) =>
            await s.Decide(Vro, Vro2, id, "toekennen", null, new { verzenddatum = DemoScript.Iso(s.Today), bedrag = _requested[id] });

        public async Task AwardPartly(Guid id, decimal share, string reason) =>
            await s.Decide(Vro, Vro2, id, "gedeeltelijkToekennen", reason, new { verzenddatum = DemoScript.Iso(s.Today), bedrag = decimal.Round(_requested[id] * share, 0) });

        public async Task Reject(Guid id, string reason) =>
            await s.Decide(Vro, Vro2, id, "afwijzen", reason, new { verzenddatum = DemoScript.Iso(s.Today) });
    }
}
