using System.Net;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Access;

/// <summary>BIO 8.15: a Beheerder's or an Auditor's read of a case or its history is in the audit trail; a gemeente's read of its own case is not.</summary>
public sealed class PrivilegedReadAuditTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();
    private CaseFile _case = null!;

    public async Task InitializeAsync() => _case = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(Role.Beheerder, "VRO")]
    [InlineData(Role.Auditor, "BZK")]
    public async Task GetCaseAndHistory_AsPrivilegedUser_EachReadIsAuditedWithWhoWhatWhenAndResult(Role role, string organisation)
    {
        var token = AccessFixture.Token(_factory.Services, organisation, role);
        using var client = AccessFixture.Client(_factory, token);
        var subject = $"test-{organisation.ToLowerInvariant()}-{role.ToString().ToLowerInvariant()}";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{_case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{_case.Id}/history")).StatusCode);
        var missing = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{missing}")).StatusCode);

        var reads = await ReadsAsync(subject);
        Assert.Equal(
            [("inzage.zaak", _case.Id.ToString(), "ok"), ("inzage.historie", _case.Id.ToString(), "ok"), ("inzage.zaak", missing.ToString(), "niet-gevonden")],
            reads.Select(e => (e.Action, e.ObjectId, e.Result)));
        Assert.All(reads, e =>
        {
            Assert.Equal(subject, e.ActorUserId);
            Assert.Equal(organisation, e.ActorOrganisation);
            Assert.Equal("zaak", e.ObjectType);
            Assert.InRange(e.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
        });
        Assert.Contains(_case.Reference, reads[0].NewValues, StringComparison.Ordinal);
        Assert.Contains(role.ToString(), reads[0].NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCaseAndHistory_AsGemeenteUser_AddsNoAuditEntry()
    {
        var token = AccessFixture.Token(_factory.Services, AccessFixture.Rotterdam, Role.GemeenteAanvrager);
        using var client = AccessFixture.Client(_factory, token);
        var before = await CountAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{_case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{_case.Id}/history")).StatusCode);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TracedAsync_WhenTheSameCaseIsReadTwiceInOneRequest_RecordsItOnce()
    {
        // A page (the case page, its diagram) may send the same query more than once in one request scope.
        await using (var scope = _factory.CreateScope())
        {
            var reads = (Casework.Web.Features.Cases.PrivilegedReads)scope.ServiceProvider.GetService(typeof(Casework.Web.Features.Cases.PrivilegedReads))!;
            var actor = Casework.Workflows.Engine.Actor.Person("page-beheerder", "VRO", Role.Beheerder);
            for (var i = 0; i < 2; i++)
            {
                await reads.TracedAsync(actor, _case.Id, Casework.Web.Features.Cases.PrivilegedReads.Case, () => Task.FromResult(_case.Reference), r => r, CancellationToken.None);
            }
        }

        Assert.Single(await ReadsAsync("page-beheerder"));
    }

    private async Task<List<AuditEvent>> ReadsAsync(string subject)
    {
        await using var scope = _factory.CreateScope();
        var stream = AccessAuditWriter.ReadStream(subject);
        return await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).AuditEvents.CountAsync();
    }
}
