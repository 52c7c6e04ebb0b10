using System.Net;
using System.Text.Json;
using Casework.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

public sealed class ApplicationDraftTests : IAsyncLifetime
{
    private readonly ApplicationsHost _host = new(Amsterdam("2022-09-01 12:00"));
    private Guid _t4;

    public async Task InitializeAsync() => _t4 = await _host.TrancheIdAsync("Wbi", "T4");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_WhenGemeenteFilesWbiDraft_OpensConceptCaseOwnedByGemeente()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4).With(a => a.JointMembers = ["GM0606"]));

        Assert.Equal("concept", created.GetProperty("state").GetString());
        Assert.Equal("GM0599", created.GetProperty("applicant").GetString());
        Assert.StartsWith("WBI-2022-", created.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal(600, created.GetProperty("totalHomes").GetInt32());
        var caseDto = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/cases/{created.GetProperty("id").GetGuid()}"));
        Assert.Equal("wbi-application", caseDto.GetProperty("definition").GetProperty("id").GetString());
        Assert.Equal(["GM0606"], caseDto.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public async Task Create_WhenShapeInvalid_Returns400PerFieldAndWritesNothing()
    {
        var client = await _host.GemeenteAsync("GM0599");
        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/applications", ApplicationBuilder.Wbi(_t4).With(a =>
        {
            a.ProjectName = string.Empty;
            a.RequestedAmount = -1;
            a.Completion = new DateOnly(2020, 1, 1);
        }).Build());

        var problem = await OkAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("projectName", out _));
        Assert.True(errors.TryGetProperty("requestedAmount", out _));
        Assert.True(errors.TryGetProperty("plannedCompletionDate", out _));
        Assert.Equal(0, await _host.DbAsync(db => db.Set<FundingApplication>().CountAsync()));
    }

    [Fact]
    public async Task Create_WhenCallerIsNoGemeenteAanvrager_Returns403()
    {
        var response = await SendAsync(await _host.AsAsync("VRO", "Beoordelaar"), HttpMethod.Post, "/api/v1/applications", ApplicationBuilder.Wbi(_t4).Build());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_WhenMemberIsNoGemeente_Returns400()
    {
        var response = await SendAsync(await _host.GemeenteAsync("GM0599"), HttpMethod.Post, "/api/v1/applications", ApplicationBuilder.Wbi(_t4).With(a => a.JointMembers = ["GM9999"]).Build());

        var problem = await OkAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("jointMembers", out _));
    }

    [Fact]
    public async Task Create_WhenRepeatedWithSameIdempotencyKeyAndBody_ReturnsFirstResponseAndCreatesOnce()
    {
        var client = await _host.GemeenteAsync("GM0599");
        var body = ApplicationBuilder.Wbi(_t4).Build();

        var first = await OkAsync(await SendAsync(client, HttpMethod.Post, "/api/v1/applications", body, idempotencyKey: "key-1"), HttpStatusCode.Created);
        var second = await SendAsync(client, HttpMethod.Post, "/api/v1/applications", body, idempotencyKey: "key-1");
        var secondBody = await OkAsync(second, HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetGuid(), secondBody.GetProperty("id").GetGuid());
        Assert.Equal($"/api/v1/applications/{first.GetProperty("id").GetGuid()}", second.Headers.Location?.ToString());
        Assert.Equal(1, await _host.DbAsync(db => db.Set<FundingApplication>().CountAsync()));
        Assert.Equal(1, await _host.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Create_WhenIdempotencyKeyReusedWithOtherBody_Returns422AndCreatesNothingMore()
    {
        var client = await _host.GemeenteAsync("GM0599");
        await OkAsync(await SendAsync(client, HttpMethod.Post, "/api/v1/applications", ApplicationBuilder.Wbi(_t4).Build(), idempotencyKey: "key-2"), HttpStatusCode.Created);

        var response = await SendAsync(client, HttpMethod.Post, "/api/v1/applications", ApplicationBuilder.Wbi(_t4).With(a => a.ProjectName = "Ander project").Build(), idempotencyKey: "key-2");

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
        Assert.Equal(1, await _host.DbAsync(db => db.Set<FundingApplication>().CountAsync()));
    }

    [Fact]
    public async Task Create_WhenOtherCallerUsesSameKey_CreatesItsOwn()
    {
        var body = ApplicationBuilder.Wbi(_t4).Build();
        var a = await OkAsync(await SendAsync(await _host.GemeenteAsync("GM0599"), HttpMethod.Post, "/api/v1/applications", body, idempotencyKey: "shared"), HttpStatusCode.Created);
        var b = await OkAsync(await SendAsync(await _host.GemeenteAsync("GM0363"), HttpMethod.Post, "/api/v1/applications", body, idempotencyKey: "shared"), HttpStatusCode.Created);

        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal("GM0363", b.GetProperty("applicant").GetString());
    }

    [Fact]
    public async Task Get_WhenOtherGemeenteAsks_Returns404()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        var id = created.GetProperty("id").GetGuid();

        var other = await (await _host.GemeenteAsync("GM0363")).GetAsync($"/api/v1/applications/{id}");
        var own = await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/applications/{id}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Revise_WhenInConceptWithCurrentVersion_ChangesDraftAndVersion()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        var id = created.GetProperty("id").GetGuid();
        var client = await _host.GemeenteAsync("GM0599");

        var revised = await OkAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/applications/{id}", ApplicationBuilder.Wbi(_t4).WithHomes(800).Build(), created.GetProperty("version").GetInt32()));
        var stale = await SendAsync(client, HttpMethod.Put, $"/api/v1/applications/{id}", ApplicationBuilder.Wbi(_t4).WithHomes(900).Build(), created.GetProperty("version").GetInt32());

        Assert.Equal(800, revised.GetProperty("totalHomes").GetInt32());
        Assert.True(revised.GetProperty("version").GetInt32() > created.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Revise_WhenSubmitted_Returns409()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        var submitted = await OkAsync(await _host.SubmitAsync("GM0599", created));

        var response = await SendAsync(await _host.GemeenteAsync("GM0599"), HttpMethod.Put, $"/api/v1/applications/{created.GetProperty("id").GetGuid()}", ApplicationBuilder.Wbi(_t4).Build(), submitted.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Withdraw_WhenSubmitted_EndsIngetrokkenAndStopsDecisionTerm()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        await OkAsync(await _host.SubmitAsync("GM0599", created));

        var withdrawn = await FireAsync(await _host.GemeenteAsync("GM0599"), created.GetProperty("id").GetGuid(), "intrekken", new { reason = "Project gaat niet door" });

        Assert.Equal("ingetrokken", withdrawn.GetProperty("state").GetString());
        Assert.Equal("ingetrokken", withdrawn.GetProperty("resultaat").GetString());
        var term = withdrawn.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "beslistermijn");
        Assert.NotEqual("Running", term.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Herstel_WhenRequestedAndCompleted_MovesDecisionTermBySuspendedDays()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        var submitted = await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        var before = BeslisTermijn(await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/cases/{id}")));

        _host.Clock.Advance(TimeSpan.FromDays(2));
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verzoekHerstel", new { reason = "Begroting ontbreekt" });
        _host.Clock.Advance(TimeSpan.FromDays(10));
        var completed = await FireAsync(await _host.GemeenteAsync("GM0599"), id, "aanvullen", null);

        var after = BeslisTermijn(completed);
        Assert.Equal("Running", after.GetProperty("status").GetString());
        var suspended = after.GetProperty("suspendedDays").GetInt32();
        Assert.InRange(suspended, 9, 10);
        Assert.True(DateOnly.Parse(after.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            >= DateOnly.Parse(before.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(suspended));
        Assert.Equal("ingediend", submitted.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Herstel_WithATermInDays_GivesTheGemeenteThatTerm()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        var loket = await _host.AsAsync("RVO", "Loket");
        var before = await OkAsync(await loket.GetAsync($"/api/v1/cases/{id}"));
        var field = before.GetProperty("availableActions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "verzoekHerstel")
            .GetProperty("input").GetProperty("fields").EnumerateArray().Single();

        var requested = await FireAsync(loket, id, "verzoekHerstel", new { reason = "Begroting ontbreekt", data = new { termijnDagen = 21 } });

        // New cases open on the latest version (v4: milestones move the case after the award), which keeps v2's term in days.
        Assert.Equal(4, before.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal(("termijnDagen", "integer", false, 7m, 91m), (field.GetProperty("name").GetString(), field.GetProperty("type").GetString(), field.GetProperty("required").GetBoolean(), field.GetProperty("minimum").GetDecimal(), field.GetProperty("maximum").GetDecimal()));
        var term = requested.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "hersteltermijn");
        Assert.Equal(("2022-09-01", "2022-09-22"), (term.GetProperty("startedOnDate").GetString(), term.GetProperty("dueDate").GetString()));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(120)]
    public async Task Herstel_WithATermOutsideItsBounds_Returns400NamingTheFieldAndChangesNothing(int days)
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        var submitted = await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();

        var response = await SendAsync(await _host.AsAsync("RVO", "Loket"), HttpMethod.Post, $"/api/v1/cases/{id}/actions/verzoekHerstel", new { reason = "Begroting ontbreekt", data = new { termijnDagen = days } }, submitted.GetProperty("version").GetInt32());

        var problem = await OkAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Het veld 'termijnDagen' moet tussen 7 en 91 liggen (Awb 4:5 lid 1: een redelijke termijn; de grenzen van 1 tot 13 weken zijn een ontwerpkeuze)."], problem.GetProperty("errors").GetProperty("data.termijnDagen").EnumerateArray().Select(e => e.GetString()));
        var after = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal(("ingediend", submitted.GetProperty("version").GetInt32()), (after.GetProperty("state").GetString(), after.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Herstel_OnACaseStartedOnVersion1_KeepsTheFixedTwoWeeks()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t4));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();

        // As if the case had been opened before v2 was published: it stays on the version it started on.
        await _host.DbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DefinitionVersion, 1)));
        var loket = await _host.AsAsync("RVO", "Loket");
        var current = await OkAsync(await loket.GetAsync($"/api/v1/cases/{id}"));
        var refused = await SendAsync(loket, HttpMethod.Post, $"/api/v1/cases/{id}/actions/verzoekHerstel", new { reason = "Begroting ontbreekt", data = new { termijnDagen = 21 } }, current.GetProperty("version").GetInt32());
        var requested = await FireAsync(loket, id, "verzoekHerstel", new { reason = "Begroting ontbreekt" });

        var problem = await OkAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("hoort niet bij", problem.GetProperty("errors").GetProperty("data.termijnDagen")[0].GetString(), StringComparison.Ordinal);
        var term = requested.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "hersteltermijn");
        Assert.Equal("2022-09-15", term.GetProperty("dueDate").GetString());
    }

    private static JsonElement BeslisTermijn(JsonElement caseDto) =>
        caseDto.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "beslistermijn");
}
