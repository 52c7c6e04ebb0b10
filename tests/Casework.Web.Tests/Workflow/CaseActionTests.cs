using System.Net;
using System.Text.Json;
using Casework.Domain.Time;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Workflow;

/// <summary>
/// One transition through the full command path: validation, scoping, engine, effects, audit, outbox and
/// one SaveChanges in one transaction, against a real SQLite file.
/// </summary>
public sealed class CaseActionTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static readonly object TriageToVro = new { data = new { domein = "wonen", trekkendDepartement = "VRO" } };

    [Fact]
    public async Task FireAction_ByTheBodysSecretary_MovesCaseAndWritesStatusAuditOutboxRoutingAndDeadlineTogether()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");

        var response = await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro);

        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await response.ReadJsonAsync();
        Assert.Equal("analyse", body.GetProperty("state").GetString());
        Assert.Equal("VRO", body.GetProperty("routedTo").GetString());
        Assert.Equal("VRO", body.GetProperty("leadDepartment").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var deadline = Assert.Single(body.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("knelpunt-reactietermijn", deadline.GetProperty("kind").GetString());
        Assert.Equal("Running", deadline.GetProperty("status").GetString());

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var statuses = await db.Cases.AsNoTracking().Where(c => c.Id == knelpunt.Id).SelectMany(c => c.Statuses).OrderBy(s => s.Sequence).ToListAsync();
        Assert.Equal(["ingediend", "analyse"], statuses.Select(s => s.State));
        Assert.Equal("SBSD", statuses[1].ActorOrganisation);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.ObjectId == knelpunt.Id.ToString()));
        Assert.True(await db.Outbox.CountAsync(m => m.HoofdObject == $"/api/v1/cases/{knelpunt.Id}") >= 3);
    }

    [Fact]
    public async Task FireAction_WithStaleVersion_Returns409AndChangesNothing()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        Assert.Equal(HttpStatusCode.OK, (await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro)).StatusCode);
        using var vro = await _factory.SignInAsync("vro-beoordelaar");
        var before = await Counts(knelpunt.Id);

        var stale = await vro.FireAsync(knelpunt.Id, "voorstelIndienen", 1, new { data = new { voorgesteldeOplossing = "Handreiking" } });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadJsonAsync();
        Assert.Equal("concurrency-conflict", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(before, await Counts(knelpunt.Id));
        Assert.Equal("analyse", (await vro.GetCaseAsync(knelpunt.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task FireAction_TwoWritersOnOneVersion_ExactlyOneWins()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var first = await _factory.SignInAsync("sbsd-secretaris");
        using var second = await _factory.SignInAsync("sbsd-secretaris");

        var responses = await Task.WhenAll(
            first.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro),
            second.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "zorg", trekkendDepartement = "VWS" } }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var counts = await Counts(knelpunt.Id);
        Assert.Equal(2, counts.Statuses);
        Assert.Equal(1, counts.Deadlines);
    }

    [Fact]
    public async Task FireAction_WithoutIfMatch_Returns428()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");

        var response = await sbsd.PostAsync($"/api/v1/cases/{knelpunt.Id}/actions/triageAfronden", System.Net.Http.Json.JsonContent.Create(TriageToVro));

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FireAction_WithTheWrongRole_Returns403WithTheReasonAndChangesNothing()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var wrongRole = await _factory.SignInAsync("SBSD", Casework.Domain.Access.Role.Beoordelaar);
        var before = await Counts(knelpunt.Id);

        var response = await wrongRole.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "wrong-role");
        Assert.Equal(before, await Counts(knelpunt.Id));
    }

    [Fact]
    public async Task FireAction_WhenOneOfItsWritesFails_RollsEverythingBack()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        var before = await Counts(knelpunt.Id);
        await using (var scope = _factory.CreateScope())
        {
            // The deadline the transition starts cannot be written: the new state, status, routing, audit
            // event and notifications of the same transition must disappear with it.
            await CaseworkWebFactory.Db(scope).Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_deadline BEFORE INSERT ON Deadlines BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
        }

        var response = await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Counts(knelpunt.Id));
        var fresh = await sbsd.GetCaseAsync(knelpunt.Id);
        Assert.Equal("ingediend", fresh.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("leadDepartment").ValueKind);
        Assert.Equal(1, fresh.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task FireAction_WithAnUnknownDepartment_Returns400AndChangesNothing()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        var before = await Counts(knelpunt.Id);

        var response = await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "XYZ" } });

        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("data.trekkendDepartement", out _));
        Assert.Equal(before, await Counts(knelpunt.Id));
    }

    [Fact]
    public async Task FireAction_WithMissingRequiredInput_Returns400NamingTheField()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");

        var response = await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "wonen" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("data.trekkendDepartement", out _));
    }

    [Fact]
    public async Task Case_OfAnotherGemeente_Is404ForReadAndWriteAndAbsentFromLists()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");
        using var rotterdam = await _factory.SignInAsync("rotterdam-aanvrager");

        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/api/v1/cases/{knelpunt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/api/v1/cases/{knelpunt.Id}/history")).StatusCode);
        var list = await (await amsterdam.GetAsync("/api/v1/cases")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        var own = await (await rotterdam.GetAsync("/api/v1/cases")).ReadJsonAsync();
        Assert.Equal(knelpunt.Id, own.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task GetCase_ForAnActorWhoMayNotAct_ListsEveryActionWithTheReasonsWhyNot()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var rotterdam = await _factory.SignInAsync("rotterdam-aanvrager");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");

        var asGemeente = await rotterdam.GetCaseAsync(knelpunt.Id);
        var asSecretary = await sbsd.GetCaseAsync(knelpunt.Id);

        var triage = Action(asGemeente, "triageAfronden");
        Assert.False(triage.GetProperty("allowed").GetBoolean());
        var codes = triage.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("wrong-role", codes);
        Assert.Contains("wrong-organisation", codes);
        Assert.True(Action(asSecretary, "triageAfronden").GetProperty("allowed").GetBoolean());
        Assert.Equal(["duplicaatVan"], Action(asSecretary, "samenvoegen").GetProperty("input").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task History_AfterTransitions_ListsStatusesAndAChainedAuditTrail()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var vro = await _factory.SignInAsync("vro-beoordelaar");
        await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro);
        var reroute = await vro.FireAsync(knelpunt.Id, "herrouteren", 2, new { reason = "Raakt vooral de zorg", data = new { trekkendDepartement = "VWS" } });
        await HttpAssert.StatusAsync(HttpStatusCode.OK, reroute);

        var history = await (await sbsd.GetAsync($"/api/v1/cases/{knelpunt.Id}/history")).ReadJsonAsync();

        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(["zaak.aangemaakt", "zaak.triageAfronden", "zaak.herrouteren"], events.Select(e => e.GetProperty("action").GetString()));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.Equal(events[i - 1].GetProperty("hash").GetString(), events[i].GetProperty("previousHash").GetString());
        }

        Assert.Equal("Raakt vooral de zorg", events[2].GetProperty("reason").GetString());
        Assert.Contains("VWS", events[2].GetProperty("newValues").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, history.GetProperty("statuses").GetArrayLength());
    }

    [Fact]
    public async Task Herrouteren_WithoutAReason_Returns400()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var vro = await _factory.SignInAsync("vro-beoordelaar");
        await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro);

        var response = await vro.FireAsync(knelpunt.Id, "herrouteren", 2, new { data = new { trekkendDepartement = "VWS" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Auditor_ReadsTheCaseButCannotAct()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var auditor = await _factory.SignInAsync("auditor");

        Assert.Equal("ingediend", (await auditor.GetCaseAsync(knelpunt.Id)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.FireAsync(knelpunt.Id, "triageAfronden", 1, TriageToVro)).StatusCode);
    }

    private static JsonElement Action(JsonElement caseJson, string id) =>
        caseJson.GetProperty("availableActions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);

    private async Task<(int Statuses, int Audit, int Outbox, int Deadlines, int Version)> Counts(Guid caseId)
    {
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var c = await db.Cases.AsNoTracking().Include(x => x.Statuses).SingleAsync(x => x.Id == caseId);
        return (
            c.Statuses.Count,
            await db.AuditEvents.CountAsync(e => e.ObjectId == caseId.ToString()),
            await db.Outbox.CountAsync(m => m.HoofdObject == $"/api/v1/cases/{caseId}"),
            await db.Deadlines.CountAsync(d => d.CaseId == caseId && d.Status == DeadlineStatus.Running),
            c.Version);
    }
}
