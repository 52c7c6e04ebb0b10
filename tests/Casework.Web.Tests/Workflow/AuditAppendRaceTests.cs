using System.Net;
using System.Net.Http.Json;
using Casework.Domain.Access;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Workflow;

/// <summary>Audit appends that race for the head of one stream all land, in one unbroken chain.</summary>
public sealed class AuditAppendRaceTests : IAsyncLifetime
{
    private const int SignIns = 40;

    // All sign-ins come from one address at once; the sign-in rate limit is not what this is about.
    private readonly CaseworkWebFactory _factory = new() { Settings = { ["WebSecurity:SignInPermitLimit"] = "1000" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ParallelDevSignIns_OfOneUser_AllSucceedAndLeaveAnIntactChain()
    {
        using var client = _factory.CreateClient();
        using var start = new SemaphoreSlim(0);
        var signIns = Enumerable.Range(0, SignIns).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "beheerder" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(SignIns);

        var results = await Task.WhenAll(signIns);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {r.Body}"));
        await using (var scope = _factory.CreateScope())
        {
            var sequences = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking()
                .Where(e => e.Stream == "auth:beheerder").OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, SignIns).Select(i => (long)i), sequences);
        }

        using var auditor = await _factory.SignInAsync("auditor");
        var verification = await (await auditor.GetAsync("/api/v1/audit/verification")).ReadJsonAsync();
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task Append_OutsideAWriteTransaction_IsRefused()
    {
        await using var scope = _factory.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            trail.AppendAsync("auth:test", Actor.Person("test", "GM0599", Role.Beheerder), "test", "gebruiker", "test", "ok", null, null, null, CancellationToken.None));

        Assert.Contains("outside a write transaction", error.Message, StringComparison.Ordinal);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().AuditEvents.AnyAsync(e => e.Stream == "auth:test"));
    }

    [Fact]
    public async Task AuditWriter_ParallelAppendsToOneStream_AllLandInOrder()
    {
        var writer = _factory.Services.GetRequiredService<AuditWriter>();
        var actor = Actor.Person("race", "GM0599", Role.Beheerder);

        await Task.WhenAll(Enumerable.Range(0, SignIns).Select(i =>
            writer.AppendAsync("auth:race", actor, "aanmelding.test", "gebruiker", "race", "ok", null, new { i }, null, CancellationToken.None)));

        await using var scope = _factory.CreateScope();
        var sequences = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking()
            .Where(e => e.Stream == "auth:race").OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, SignIns).Select(i => (long)i), sequences);
    }
}
