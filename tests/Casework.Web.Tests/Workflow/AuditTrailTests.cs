using System.Net;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Workflow;

/// <summary>The audit trail is hash-chained per stream; changing, inserting or deleting an event is detected.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(Guid CaseId, HttpClient Auditor)> CaseWithHistoryAsync()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var vro = await _factory.SignInAsync("vro-beoordelaar");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await vro.FireAsync(knelpunt.Id, "herrouteren", 2, new { reason = "Zorg", data = new { trekkendDepartement = "VWS" } }));
        return (knelpunt.Id, await _factory.SignInAsync("auditor"));
    }

    private static async Task<System.Text.Json.JsonElement> VerifyAsync(HttpClient auditor)
    {
        var response = await auditor.GetAsync("/api/v1/audit/verification");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return await response.ReadJsonAsync();
    }

    private async Task SqlAsync(string sql, params object[] args)
    {
        await using var scope = _factory.CreateScope();
        await CaseworkWebFactory.Db(scope).Database.ExecuteSqlRawAsync(sql, args);
    }

    [Fact]
    public async Task Verification_OfAnUntouchedTrail_IsIntact()
    {
        var (_, auditor) = await CaseWithHistoryAsync();

        var result = await VerifyAsync(auditor);

        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("events").GetInt32() >= 3);
        auditor.Dispose();
    }

    [Fact]
    public async Task Verification_AfterAnEventWasChanged_ReportsAContentBreak()
    {
        var (caseId, auditor) = await CaseWithHistoryAsync();

        await SqlAsync("UPDATE AuditEvents SET Reason = 'Iets anders' WHERE ObjectId = {0} AND Sequence = 3", caseId.ToString());

        var result = await VerifyAsync(auditor);
        Assert.False(result.GetProperty("intact").GetBoolean());
        var breaks = result.GetProperty("breaks").EnumerateArray().ToList();
        Assert.Contains(breaks, b => b.GetProperty("kind").GetString() == "content" && b.GetProperty("sequence").GetInt64() == 3);
        auditor.Dispose();
    }

    [Fact]
    public async Task Verification_AfterAnEventWasDeleted_ReportsTheGap()
    {
        var (caseId, auditor) = await CaseWithHistoryAsync();

        await SqlAsync("DELETE FROM AuditEvents WHERE ObjectId = {0} AND Sequence = 2", caseId.ToString());

        var breaks = (await VerifyAsync(auditor)).GetProperty("breaks").EnumerateArray().ToList();
        Assert.Contains(breaks, b => b.GetProperty("kind").GetString() == "sequence");
        Assert.Contains(breaks, b => b.GetProperty("kind").GetString() == "link");
        auditor.Dispose();
    }

    [Fact]
    public async Task Verification_AfterAnEventWasInserted_ReportsTheBrokenLink()
    {
        var (caseId, auditor) = await CaseWithHistoryAsync();

        // Move the last event up one place and slip a forged one in before it (as a tamperer with database access would).
        await SqlAsync("UPDATE AuditEvents SET Sequence = 4 WHERE ObjectId = {0} AND Sequence = 3", caseId.ToString());
        await SqlAsync(
            "INSERT INTO AuditEvents (Stream, Sequence, At, ActorUserId, ActorOrganisation, Action, ObjectType, ObjectId, Result, OldValues, NewValues, Reason, PreviousHash, Hash) " +
            "SELECT Stream, 3, At, 'indringer', 'XYZ', 'zaak.vervalst', ObjectType, ObjectId, Result, NULL, NULL, NULL, Hash, Hash FROM AuditEvents WHERE ObjectId = {0} AND Sequence = 2",
            caseId.ToString());

        var breaks = (await VerifyAsync(auditor)).GetProperty("breaks").EnumerateArray().ToList();
        Assert.Contains(breaks, b => b.GetProperty("kind").GetString() == "content" && b.GetProperty("sequence").GetInt64() == 3);
        // The renumbered original no longer matches its own hash either: its place in the chain is hashed too.
        Assert.Contains(breaks, b => b.GetProperty("kind").GetString() == "content" && b.GetProperty("sequence").GetInt64() == 4);
        auditor.Dispose();
    }

    [Fact]
    public async Task Verification_AfterTheTailOrAWholeStreamWasDeleted_ReportsItAgainstTheCheckpoint()
    {
        var (caseId, auditor) = await CaseWithHistoryAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await auditor.PostAsync("/api/v1/audit/checkpoints", null));
        var second = await _factory.OpenCaseAsync("knelpunt", "GM0363", routedTo: "SBSD");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await auditor.PostAsync("/api/v1/audit/checkpoints", null));

        await SqlAsync("DELETE FROM AuditEvents WHERE ObjectId = {0} AND Sequence = 3", caseId.ToString());
        await SqlAsync("DELETE FROM AuditEvents WHERE ObjectId = {0}", second.Id.ToString());

        var result = await VerifyAsync(auditor);
        Assert.False(result.GetProperty("intact").GetBoolean());
        var breaks = result.GetProperty("breaks").EnumerateArray().Where(b => b.GetProperty("kind").GetString() == "checkpoint").ToList();
        Assert.Equal(2, breaks.Count);
        auditor.Dispose();
    }

    [Fact]
    public async Task Verification_ByAGemeenteUser_Is403()
    {
        using var rotterdam = await _factory.SignInAsync("rotterdam-aanvrager");

        var response = await rotterdam.GetAsync("/api/v1/audit/verification");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DevSignIn_IsAudited()
    {
        using var client = await _factory.SignInAsync("vro-beoordelaar");

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Stream == "auth:vro-beoordelaar" && e.Action == "aanmelding.ontwikkeling"));
    }
}
