using System.Net;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

public sealed class ScopingTests : IAsyncLifetime
{
    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpStatusCode> Sees(string who, Guid id) => (await (await _host.As(who)).Get($"/api/v1/knelpunten/{id}")).Status;

    [Fact]
    public async Task GetKnelpunt_EachPartySeesWhatIsTheirs_OthersGet404()
    {
        var id = await RaiseKnelpunt(_host, Rotterdam);

        Assert.Equal(HttpStatusCode.OK, await Sees(Rotterdam, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Amsterdam, id));
        Assert.Equal(HttpStatusCode.OK, await Sees(Sbsd, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Vro, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Brsd, id));

        await Expect(HttpStatusCode.OK, await (await _host.As(Sbsd)).Fire(id, "triageAfronden", data: new { domein = "wonen", trekkendDepartement = "VRO" }));
        Assert.Equal(HttpStatusCode.OK, await Sees(Vro, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Szw, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Brsd, id));
        Assert.Equal(HttpStatusCode.NotFound, await Sees(Amsterdam, id));

        // Another gemeente cannot act on it either, and its board does not count it.
        var act = await (await _host.As(Amsterdam)).Post($"/api/v1/cases/{id}/actions/herrouteren", new { reason = "x" }, "1");
        Assert.Equal(HttpStatusCode.NotFound, act.Status);
        var (_, board) = await (await _host.As(Amsterdam)).Get("/api/v1/escalation-board");
        Assert.Empty(board.GetProperty("levels").EnumerateArray());
        var (_, rotterdamBoard) = await (await _host.As(Rotterdam)).Get("/api/v1/escalation-board");
        Assert.Equal(1, Assert.Single(rotterdamBoard.GetProperty("levels").EnumerateArray()).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task GetMeeting_AgendaItemsOfCasesTheCallerCannotSee_AreLeftOut()
    {
        var id = await KnelpuntWithProposal(_host, Rotterdam);
        var meeting = await PlanMeeting(_host, Sbsd, "SBSD", _host.Today.AddDays(10));
        await AddToAgenda(_host, Sbsd, meeting.Id(), id);

        var (_, forRotterdam) = await (await _host.As(Rotterdam)).Get($"/api/v1/meetings/{meeting.Id()}");
        var (_, forAmsterdam) = await (await _host.As(Amsterdam)).Get($"/api/v1/meetings/{meeting.Id()}");

        Assert.Single(forRotterdam.GetProperty("items").EnumerateArray());
        Assert.Empty(forAmsterdam.GetProperty("items").EnumerateArray());
    }
}
