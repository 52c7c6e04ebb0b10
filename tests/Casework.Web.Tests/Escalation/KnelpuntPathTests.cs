using System.Net;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

public sealed class KnelpuntPathTests : IAsyncLifetime
{
    private static readonly string[] OtherFocusgebied = ["delft-west"];

    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RaiseKnelpunt_ByAlliance_OpensCaseRoutedToSbsdTriageWithItsSubstance()
    {
        var (status, body) = await (await _host.As(Alliance)).Post("/api/v1/knelpunten", Knelpunt());

        await Expect(HttpStatusCode.Created, (status, body));
        var @case = body.GetProperty("case");
        Assert.Equal("ingediend", @case.Str("state"));
        Assert.Equal("SBSD", @case.Str("routedTo"));
        Assert.Equal("ALLIANTIE-ROTTERDAM-ZUID", @case.Str("organisation"));
        Assert.StartsWith("KNP-2026-", @case.Str("reference"), StringComparison.Ordinal);
        Assert.Equal("Alliantie", body.Str("indienerSoort"));
        Assert.Equal(["rotterdam-zuid"], body.GetProperty("focusgebieden").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("BWBR0015703", body.GetProperty("wet").Str("bwbId"));
        Assert.Equal("schulden", body.Str("domein"));
    }

    [Fact]
    public async Task RaiseKnelpunt_WithoutLawAndWithBadBwbId_Returns400PerField()
    {
        var (status, body) = await (await _host.As(Rotterdam)).Post("/api/v1/knelpunten", new { titel = "x", omschrijving = "y", wet = new { naam = "", bwbId = "12345" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Wet.Naam", out _) || errors.TryGetProperty("wet.naam", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Wet.BwbId", out _) || errors.TryGetProperty("wet.bwbId", out _), errors.ToString());
    }

    [Fact]
    public async Task RaiseKnelpunt_ByAllianceForAnotherFocusgebied_Returns400()
    {
        var (status, _) = await (await _host.As(Alliance)).Post("/api/v1/knelpunten", new
        {
            titel = "x", omschrijving = "y", wet = new { naam = "Participatiewet" }, focusgebieden = OtherFocusgebied,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    /// <summary>Alliance -> SBSD triage -> VRO analysis and proposal -> SBSD meeting escalates -> BRSD meeting resolves -> VRO closes with an outcome.</summary>
    [Fact]
    public async Task FullPath_FromAllianceThroughSbsdAndBrsd_ClosesWithOutcomeCode()
    {
        var id = await KnelpuntWithProposal(_host);
        var sbsdDate = _host.Today.AddDays(10);
        var sbsd = await PlanMeeting(_host, Sbsd, "SBSD", sbsdDate);
        var item = await AddToAgenda(_host, Sbsd, sbsd.Id(), id);
        Assert.Equal("geagendeerdSbsd", (await CaseOf(_host, Sbsd, id)).Str("state"));

        // Before the meeting is held, no decision: the opAgenda guard fails and nothing changes.
        var early = await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items/{item.Id()}/decision", new { action = "sbsdEscaleren", besluit = "Escaleren", reason = "Te vroeg" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);
        Assert.Equal("geagendeerdSbsd", (await CaseOf(_host, Sbsd, id)).Str("state"));

        _host.AdvanceTo(sbsdDate);
        var decided = await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items/{item.Id()}/decision", new
        {
            action = "sbsdEscaleren",
            besluit = "Het SBSD legt het knelpunt voor aan de BRSD.",
            reason = "Vraagt een bestuurlijke afweging tussen SZW en VRO.",
            actionItems = new[] { new { description = "Notitie voor de BRSD", owner = "VRO", dueDate = sbsdDate.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        });
        await Expect(HttpStatusCode.OK, decided);
        Assert.Equal("Besloten", decided.Body.Str("status"));
        Assert.Equal("sbsdEscaleren", decided.Body.Str("decisionActionId"));
        Assert.Single(decided.Body.GetProperty("actionItems").EnumerateArray());
        var escalated = await CaseOf(_host, Brsd, id);
        Assert.Equal("escalatieBrsd", escalated.Str("state"));
        Assert.Equal("BRSD", escalated.Str("routedTo"));

        var brsdDate = sbsdDate.AddDays(30);
        var brsd = await PlanMeeting(_host, Brsd, "BRSD", brsdDate);
        var brsdItem = await AddToAgenda(_host, Brsd, brsd.Id(), id);
        Assert.Equal("geagendeerdBrsd", (await CaseOf(_host, Brsd, id)).Str("state"));
        _host.AdvanceTo(brsdDate);
        await Expect(HttpStatusCode.OK, await (await _host.As(Brsd)).Post($"/api/v1/meetings/{brsd.Id()}/agenda-items/{brsdItem.Id()}/decision", new
        {
            action = "brsdBesluitOpgelost",
            besluit = "Experimenteerruimte via de Wet bijzondere maatregelen grootstedelijke problematiek.",
            data = new { uitkomst = "experimenteerruimte" },
        }));
        var implementing = await CaseOf(_host, Vro, id);
        Assert.Equal("implementatie", implementing.Str("state"));
        Assert.Equal("VRO", implementing.Str("routedTo"));

        await Expect(HttpStatusCode.OK, await (await _host.As(Vro)).Fire(id, "afsluiten", "Experiment loopt.", new { resultaat = "experimenteerruimte" }));
        var closed = await CaseOf(_host, Alliance, id);
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.Equal("gesloten", closed.Str("state"));
        Assert.Equal("experimenteerruimte", closed.Str("resultaat"));
    }

    [Fact]
    public async Task Afsluiten_WithoutOutcomeCode_IsRefusedAndCaseStaysOpen()
    {
        var id = await KnelpuntWithProposal(_host);
        var date = _host.Today.AddDays(10);
        var sbsd = await PlanMeeting(_host, Sbsd, "SBSD", date);
        var item = await AddToAgenda(_host, Sbsd, sbsd.Id(), id);
        _host.AdvanceTo(date);

        // Closing by decision without a resultaat: 400, and neither the besluitenlijst nor the case changed.
        var refused = await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items/{item.Id()}/decision", new { action = "sbsdBesluitAfsluiten", besluit = "Afsluiten", reason = "Geen knelpunt" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var (_, meeting) = await (await _host.As(Sbsd)).Get($"/api/v1/meetings/{sbsd.Id()}");
        Assert.Equal("Open", meeting.GetProperty("items")[0].Str("status"));
        Assert.Equal("geagendeerdSbsd", (await CaseOf(_host, Sbsd, id)).Str("state"));

        // Resolved, then closing after implementation without a resultaat: 400 again.
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Post($"/api/v1/meetings/{sbsd.Id()}/agenda-items/{item.Id()}/decision", new { action = "sbsdBesluitOpgelost", besluit = "Opgelost met een handreiking", data = new { uitkomst = "opgelost-binnen-bestaande-ruimte" } }));
        var noOutcome = await (await _host.As(Vro)).Fire(id, "afsluiten", "Klaar");
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.Status);
        var wrongOutcome = await (await _host.As(Vro)).Fire(id, "afsluiten", "Klaar", new { resultaat = "samengevoegd" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongOutcome.Status);
        var still = await CaseOf(_host, Vro, id);
        Assert.False(still.GetProperty("closed").GetBoolean());
        Assert.Equal("implementatie", still.Str("state"));
    }

    [Fact]
    public async Task Herrouteren_WithoutReason_Returns400_WithReason_RoutesToOtherDepartment()
    {
        var id = await RaiseKnelpunt(_host);
        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(id, "triageAfronden", data: new { domein = "schulden", trekkendDepartement = "VRO" }));

        var refused = await (await _host.As(Vro)).Fire(id, "herrouteren", data: new { trekkendDepartement = "SZW" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("VRO", (await CaseOf(_host, Vro, id)).Str("routedTo"));

        await Expect(HttpStatusCode.OK, await (await _host.As(Vro)).Fire(id, "herrouteren", "De kostendelersnorm is van SZW.", new { trekkendDepartement = "SZW" }));
        var rerouted = await CaseOf(_host, Szw, id);
        Assert.Equal("SZW", rerouted.Str("routedTo"));
        Assert.Equal("SZW", rerouted.Str("leadDepartment"));
        Assert.Equal("analyse", rerouted.Str("state"));
        var (_, knelpunt) = await (await _host.As(Szw)).Get($"/api/v1/knelpunten/{id}");
        var last = knelpunt.GetProperty("case").GetProperty("history").EnumerateArray().Last();
        Assert.Equal("herrouteren", last.Str("actionId"));
        Assert.Equal("De kostendelersnorm is van SZW.", last.Str("reason"));
    }
}
