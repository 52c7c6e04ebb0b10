using Casework.Domain.Access;
using Casework.Workflows.Engine;
using Casework.Workflows.Tests.Support;
using static Casework.Workflows.Tests.Support.CaseWalk;

namespace Casework.Workflows.Tests.Scenarios;

/// <summary>The shipped definitions walked end to end, as issues 6 and 7 describe them.</summary>
public class DefinitionScenarioTests
{
    private static readonly Actor Gemeente = Actor.Person("u-ams", "GM0363", Role.GemeenteAanvrager);
    private static readonly Actor Loket = Actor.Person("u-rvo", "RVO", Role.Loket);
    private static readonly Actor Vro = Actor.Person("u-vro", "VRO", Role.Beoordelaar);
    private static readonly Actor Commissie = Actor.Person("u-tc", "TC-VHF", Role.Commissielid);
    private static readonly Actor Sbsd = Actor.Person("u-sbsd", "SBSD", Role.Secretaris);
    private static readonly Actor Brsd = Actor.Person("u-brsd", "BRSD", Role.Secretaris);
    private static readonly Actor Alliantie = Actor.Person("u-all", "ALLIANTIE-RTZ", Role.Secretaris);

    [Fact]
    public async Task VhfApplication_WhenHerstelledAndPartlyAwarded_RunsToClosureWithResultaat()
    {
        var notAfterHerstel = FakeGuard.Failing("herstelGeboden", "AWB-4:5", "Buiten behandeling stellen kan pas na een herstelverzoek.", "Awb 4:5");
        var walk = new CaseWalk(await TestDefinitions.Real("vhf-application"), "GM0363", FakeGuard.Registry(notAfterHerstel),
            new() { ["loket"] = "RVO", ["committee"] = "TC-VHF" });

        await walk.FireAsync(Gemeente, "indienen");
        var early = await walk.RefuseAsync(Loket, "buitenBehandelingStellen", Input("onvolledig", ("verzenddatum", "2024-10-01")));
        var herstel = await walk.FireAsync(Loket, "verzoekHerstel", Input("Begroting ontbreekt."));
        Assert.Equal("GM0363", walk.Snapshot.RoutedTo);
        await walk.FireAsync(Gemeente, "aanvullen");
        await walk.FireAsync(Loket, "verklaarVolledig");
        await walk.FireAsync(Vro, "toelaten");
        await walk.FireAsync(Commissie, "adviseren", Input(null, ("advies", "positief")));
        var besluit = await walk.FireAsync(Vro, "gedeeltelijkToekennen", Input("Laatste in de rangschikking; plafond bereikt.", ("verzenddatum", "2024-12-04"), ("bedrag", 1_250_000m)));
        await walk.FireAsync(Actor.System, "bezwaartermijnVerstreken");
        await walk.FireAsync(Gemeente, "verantwoorden");
        var slot = await walk.FireAsync(Vro, "vaststellen", Input(null, ("resultaat", "verantwoord"), ("vastgesteldBedrag", 1_100_000m), ("verzenddatum", "2031-09-01")));

        Assert.Equal([("AWB-4:5", "herstelGeboden")], early.Reasons.Select(r => (r.Code, r.Guard)));
        Assert.Equal("Awb 4:5", early.Reasons[0].Source);
        Assert.Contains(herstel.Effects, e => e.Description == "Termijn opschorten (kind: beslistermijn)");
        Assert.Contains(besluit.Effects, e => e.Description == "Besluit vastleggen (besluitType: gedeeltelijke-toekenning)");
        Assert.Contains(besluit.Effects, e => e.Description == "Termijn starten (kind: bezwaartermijn, onExpiry: bezwaartermijnVerstreken)");
        Assert.Equal(("gesloten", "verantwoord"), (slot.To, slot.Resultaat));
    }

    [Fact]
    public async Task VhfApplication_WhenDecided_GemeenteCanNoLongerWithdraw()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("vhf-application"), "GM0363", FakeGuard.Registry(), new() { ["loket"] = "RVO", ["committee"] = "TC-VHF" });
        await walk.FireAsync(Gemeente, "indienen");
        await walk.FireAsync(Loket, "verklaarVolledig");
        await walk.FireAsync(Vro, "nietToelaten", Input("Minder dan 50 woningen.", ("verzenddatum", "2024-11-14")));

        var refusal = await walk.RefuseAsync(Gemeente, "intrekken", ActionInput.WithReason("toch niet"));

        Assert.Equal(["wrong-state"], refusal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task WbiApplication_WhenAwarded_StartsConstructionAndSisaDeadlines()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("wbi-application"), "GM0363", FakeGuard.Registry(), new() { ["loket"] = "RVO", ["committee"] = "TC-WBI" });
        await walk.FireAsync(Gemeente, "indienen");
        await walk.FireAsync(Loket, "verklaarVolledig");
        await walk.FireAsync(Vro, "toelaten");
        await walk.FireAsync(Actor.Person("u-tc", "TC-WBI", Role.Commissielid), "adviseren", Input(null, ("advies", "positief")));

        var besluit = await walk.FireAsync(Vro, "toekennen", Input(null, ("verzenddatum", "2022-12-01"), ("bedrag", 5_000_000m)));

        Assert.Equal(
            ["bezwaartermijn", "wbi-start-bouw", "wbi-alle-woningen", "sisa-verantwoording"],
            besluit.Effects.Where(e => e.Name == "startDeadline").Select(e => e.Params["kind"].GetString()));
    }

    [Fact]
    public async Task Knelpunt_WhenEscalatedToBrsd_RunsToClosureOnlyWithAnOutcome()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("knelpunt"), "ALLIANTIE-RTZ", FakeGuard.Registry(), []);
        var szw = Actor.Person("u-szw", "SZW", Role.Beoordelaar);
        var vws = Actor.Person("u-vws", "VWS", Role.Beoordelaar);

        await walk.FireAsync(Sbsd, "triageAfronden", Input(null, ("domein", "schulden"), ("trekkendDepartement", "SZW")));
        Assert.Equal("SZW", walk.Snapshot.RoutedTo);
        var noReason = await walk.RefuseAsync(szw, "herrouteren", Input(null, ("trekkendDepartement", "VWS")));
        var reroute = await walk.FireAsync(szw, "herrouteren", Input("Zorgwetgeving, niet de Participatiewet.", ("trekkendDepartement", "VWS")));
        Assert.Equal(("analyse", "analyse", "VWS"), (reroute.From, reroute.To, walk.Snapshot.RoutedTo));
        var szwNoLonger = await walk.RefuseAsync(szw, "voorstelIndienen", Input(null, ("voorgesteldeOplossing", "x")));
        await walk.FireAsync(vws, "voorstelIndienen", Input(null, ("voorgesteldeOplossing", "Hardheidsclausule toepassen.")));
        await walk.FireAsync(Sbsd, "agenderenSbsd", Input(null, ("vergadering", "SBSD-2025-03")));
        await walk.FireAsync(Sbsd, "sbsdEscaleren", Input("Raakt meerdere departementen."));
        await walk.FireAsync(Brsd, "agenderenBrsd", Input(null, ("vergadering", "BRSD-2025-2")));
        await walk.FireAsync(Brsd, "brsdBesluitOpgelost", Input(null, ("uitkomst", "experimenteerruimte")));
        var withoutOutcome = await walk.RefuseAsync(vws, "afsluiten", ActionInput.WithReason("Uitgevoerd."));
        var closed = await walk.FireAsync(vws, "afsluiten", Input("Uitgevoerd.", ("resultaat", "experimenteerruimte")));

        Assert.Equal(["reason-required"], noReason.Reasons.Select(r => r.Code));
        Assert.Equal(["wrong-organisation"], szwNoLonger.Reasons.Select(r => r.Code));
        Assert.Equal(["input-missing:resultaat"], withoutOutcome.Reasons.Select(r => r.Code));
        Assert.Equal(("gesloten", "experimenteerruimte"), (closed.To, closed.Resultaat));
    }

    [Fact]
    public async Task Knelpunt_WhenDecisionIsNotOnAnAgenda_RefusesWithGuardMessage()
    {
        var notOnAgenda = new FakeGuard("opAgenda", i => ValueTask.FromResult(
            Casework.Workflows.Guards.GuardOutcome.Fail("niet-geagendeerd", $"De zaak staat niet op een gehouden vergadering van {i.GetStringParam("body")}.")));
        var walk = new CaseWalk(await TestDefinitions.Real("knelpunt"), "GM0599", FakeGuard.Registry(notOnAgenda), []);
        await walk.FireAsync(Sbsd, "triageAfronden", Input(null, ("domein", "wonen"), ("trekkendDepartement", "VRO")));
        await walk.FireAsync(Vro, "voorstelIndienen", Input(null, ("voorgesteldeOplossing", "Handreiking.")));
        await walk.FireAsync(Sbsd, "agenderenSbsd", Input(null, ("vergadering", "SBSD-2025-04")));

        var refusal = await walk.RefuseAsync(Sbsd, "sbsdBesluitOpgelost", Input(null, ("uitkomst", "opgelost-binnen-bestaande-ruimte")));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(("niet-geagendeerd", "De zaak staat niet op een gehouden vergadering van SBSD.", "opAgenda"), (reason.Code, reason.Message, reason.Guard));
    }

    [Fact]
    public async Task Vastloper_WhenTurnedIntoKnelpunt_ClosesWithResultaatAndOpensLinkedKnelpunt()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("vastloper"), "ALLIANTIE-RTZ", FakeGuard.Registry(), new() { ["rijksvertegenwoordiger-department"] = "OCW" });
        var rijksvertegenwoordiger = Actor.Person("u-ocw", "OCW", Role.Rijksvertegenwoordiger);

        await walk.FireAsync(Alliantie, "doorzetten");
        Assert.Equal("OCW", walk.Snapshot.RoutedTo);
        var closed = await walk.FireAsync(rijksvertegenwoordiger, "omzettenInKnelpunt", ActionInput.WithReason("Regelgeving: Leerplichtwet art. 3."));

        Assert.Equal(("gesloten", "omgezet-in-knelpunt"), (closed.To, closed.Resultaat));
        var open = Assert.Single(closed.Effects, e => e.Name == "openLinkedCase");
        Assert.Equal("knelpunt", open.Params["definitionId"].GetString());
    }

    [Fact]
    public async Task Vastloper_WhenResponseTermExpires_SystemMovesItToBestuurlijkOverleg()
    {
        var walk = new CaseWalk(await TestDefinitions.Real("vastloper"), "ALLIANTIE-RTZ", FakeGuard.Registry(), new() { ["rijksvertegenwoordiger-department"] = "JENV" });
        await walk.FireAsync(Alliantie, "doorzetten");

        var expired = await walk.FireAsync(Actor.System, "reactietermijnVerlopen");

        Assert.Equal(("bestuurlijkOverleg", "BO"), (expired.To, walk.Snapshot.RoutedTo));
    }
}
