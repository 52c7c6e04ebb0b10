using System.Net;
using System.Text.Json;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Workflow;

/// <summary>
/// A transition loads the case without its status history (it only appends, numbered from the case's
/// LastStatusSequence); these tests prove that nothing a client sees depends on that shortcut.
/// </summary>
public sealed class StatusHistoryTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FireAction_SeveralTransitions_NumbersStatusesConsecutivelyAndHistoryShowsAll()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var vro = await _factory.SignInAsync("vro-beoordelaar");

        await HttpAssert.StatusAsync(HttpStatusCode.OK, await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await vro.FireAsync(knelpunt.Id, "voorstelIndienen", 2, new { data = new { voorgesteldeOplossing = "Handreiking" } }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await sbsd.FireAsync(knelpunt.Id, "voorstelTerugsturen", 3, new { reason = "Graag uitwerken met de gemeente." }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await vro.FireAsync(knelpunt.Id, "voorstelIndienen", 4, new { data = new { voorgesteldeOplossing = "Maatwerk" } }));

        var history = await (await sbsd.GetAsync($"/api/v1/cases/{knelpunt.Id}/history")).ReadJsonAsync();
        var statuses = history.GetProperty("statuses").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], statuses.Select(s => s.GetProperty("sequence").GetInt32()));
        Assert.Equal(["ingediend", "analyse", "voorstel", "analyse", "voorstel"], statuses.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal("Graag uitwerken met de gemeente.", statuses[3].GetProperty("reason").GetString());

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == knelpunt.Id);
        Assert.Equal(5, stored.LastStatusSequence);
        Assert.Equal(5, stored.Statuses.Count);
    }

    [Fact]
    public async Task FireAction_Response_EqualsTheCaseAsReadAfterwards()
    {
        var knelpunt = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var vro = await _factory.SignInAsync("vro-beoordelaar");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await sbsd.FireAsync(knelpunt.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } }));

        var fired = await vro.FireAsync(knelpunt.Id, "voorstelIndienen", 2, new { data = new { voorgesteldeOplossing = "Handreiking" } });

        await HttpAssert.StatusAsync(HttpStatusCode.OK, fired);
        var response = await fired.ReadJsonAsync();
        var read = await vro.GetCaseAsync(knelpunt.Id);
        // Everything but updatedAt byte for byte; the stored instant keeps 0.1 ms (SQLite binary DateTimeOffset), the response the full one.
        Assert.Equal(WithoutUpdatedAt(read), WithoutUpdatedAt(response));
        Assert.True((response.GetProperty("updatedAt").GetDateTimeOffset() - read.GetProperty("updatedAt").GetDateTimeOffset()).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.NotEmpty(response.GetProperty("availableActions").EnumerateArray());
        Assert.NotEmpty(response.GetProperty("deadlines").EnumerateArray());
    }

    [Fact]
    public async Task FireAction_OnAJointCase_LoadsTheMembersAndLetsAMemberSeeIt()
    {
        var joint = await OpenJointKnelpuntAsync();
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        using var member = await _factory.SignInAsync("amsterdam-aanvrager");

        // A member sees the case (gemeente scoping through the members): the engine refuses the role (403), not 404.
        var byMember = await member.FireAsync(joint.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);

        var fired = await sbsd.FireAsync(joint.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } });

        await HttpAssert.StatusAsync(HttpStatusCode.OK, fired);
        Assert.Equal(["GM0363"], (await fired.ReadJsonAsync()).GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("weert-aanvrager")] // a gemeente that neither owns nor shares the case
    [InlineData("szw-beoordelaar")] // a department the case is not routed to, led by or acted on by
    public async Task FireAction_ByAnOrganisationThatCannotSeeTheCase_Returns404AndChangesNothing(string user)
    {
        var joint = await OpenJointKnelpuntAsync();
        using var outsider = await _factory.SignInAsync(user);

        var response = await outsider.FireAsync(joint.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = _factory.CreateScope();
        var stored = await CaseworkWebFactory.Db(scope).Cases.AsNoTracking().SingleAsync(c => c.Id == joint.Id);
        Assert.Equal((1, 1, "ingediend"), (stored.Version, stored.LastStatusSequence, stored.State));
    }

    private async Task<Casework.Domain.Cases.CaseFile> OpenJointKnelpuntAsync()
    {
        await using var scope = _factory.CreateScope();
        var opener = scope.ServiceProvider.GetRequiredService<Casework.Web.Features.Workflows.CaseOpener>();
        var db = CaseworkWebFactory.Db(scope);
        return await db.InWriteTransactionAsync(
            async ct =>
            {
                var caseFile = await opener.OpenAsync(
                    "knelpunt", "GM0599", "Gezamenlijk knelpunt", Casework.Workflows.Engine.Actor.Person("test-setup", "GM0599", Casework.Domain.Access.Role.GemeenteAanvrager), ct, members: ["GM0363"], routedTo: "SBSD");
                await db.SaveChangesAsync(ct);
                return caseFile;
            },
            CancellationToken.None);
    }

    private static string WithoutUpdatedAt(JsonElement dto) =>
        JsonSerializer.Serialize(dto.EnumerateObject().Where(p => p.Name != "updatedAt").ToDictionary(p => p.Name, p => p.Value));
}
