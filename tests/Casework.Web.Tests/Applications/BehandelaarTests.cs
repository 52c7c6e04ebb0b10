using System.Net;
using System.Text.Json;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>Claiming, handing over and releasing a case routed to an organisation, and the work queue's behandelaar filter.</summary>
public sealed class BehandelaarTests : IAsyncLifetime
{
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A WBI application past the loket's completeness check: routed to VRO for the toelatingstoets, nobody's yet.</summary>
    public static async Task<Guid> RoutedToVroAsync(ApplicationsHost host, Guid tranche)
    {
        var created = await host.CreateAsync("GM0599", ApplicationBuilder.Wbi(tranche));
        await OkAsync(await host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        return id;
    }

    private static async Task<JsonElement> CaseAsync(HttpClient client, Guid id) => await OkAsync(await client.GetAsync($"/api/v1/cases/{id}"));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string what, object? body) =>
        await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{id}/behandelaar/{what}", body, (await CaseAsync(client, id)).GetProperty("version").GetInt32());

    private static async Task<List<Guid>> QueueAsync(HttpClient client, string filter) =>
        [.. (await OkAsync(await client.GetAsync($"/api/v1/cases?closed=false&behandelaar={filter}&limit=100"))).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    [Fact]
    public async Task Claim_SixteenAtTheSameVersion_ExactlyOneWinsAndTheOthersAre409()
    {
        await using var second = _host.SecondHost();
        await ClaimRace.RunAsync(_host, second);
    }

    [Fact]
    public async Task HandOver_ToAColleague_ChangesTheBehandelaarAndIsAuditedWithTheNote()
    {
        var id = await RoutedToVroAsync(_host, _t6);
        var first = await _host.AsUserAsync("vro-beoordelaar");
        var colleague = await _host.AsUserAsync("vro-beoordelaar-2");
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(first, id)).GetProperty("behandelaar").ValueKind);

        await OkAsync(await PostAsync(first, id, "claim", null));
        Assert.Contains(id, await QueueAsync(first, "mine"));
        Assert.DoesNotContain(id, await QueueAsync(first, "unassigned"));

        var handed = await OkAsync(await PostAsync(first, id, "hand-over", new { to = "vro-beoordelaar-2", note = "Ik ben volgende week met verlof; de toets op het bouwplan staat nog open." }));

        Assert.Equal(("vro-beoordelaar-2", "Esther de Graaf"), (handed.GetProperty("behandelaar").GetProperty("userId").GetString(), handed.GetProperty("behandelaar").GetProperty("name").GetString()));
        Assert.Contains(id, await QueueAsync(colleague, "mine"));
        Assert.DoesNotContain(id, await QueueAsync(first, "mine"));
        Assert.Contains(id, await QueueAsync(first, "vro-beoordelaar-2"));
        var history = await OkAsync(await first.GetAsync($"/api/v1/cases/{id}/history"));
        var events = history.GetProperty("events").EnumerateArray().ToList();
        var handOver = Assert.Single(events, e => e.GetProperty("action").GetString() == "zaak.behandelaar.overdragen");
        Assert.Equal("vro-beoordelaar", handOver.GetProperty("actorUserId").GetString());
        Assert.Equal("Ik ben volgende week met verlof; de toets op het bouwplan staat nog open.", handOver.GetProperty("reason").GetString());
        Assert.Contains("\"vro-beoordelaar\"", handOver.GetProperty("oldValues").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"vro-beoordelaar-2\"", handOver.GetProperty("newValues").GetString(), StringComparison.Ordinal);
        Assert.Single(events, e => e.GetProperty("action").GetString() == "zaak.behandelaar.oppakken");
    }

    [Fact]
    public async Task HandOver_ByAColleagueWhoIsNotTheBehandelaar_IsRefusedAndNothingChanges()
    {
        var id = await RoutedToVroAsync(_host, _t6);
        var first = await _host.AsUserAsync("vro-beoordelaar");
        var colleague = await _host.AsUserAsync("vro-beoordelaar-2");
        await OkAsync(await PostAsync(first, id, "claim", null));
        var version = (await CaseAsync(first, id)).GetProperty("version").GetInt32();

        var refused = await PostAsync(colleague, id, "hand-over", new { to = "vro-beoordelaar-2", note = "Ik neem hem over." });
        var release = await PostAsync(colleague, id, "release", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, release.StatusCode);
        var now = await CaseAsync(first, id);
        Assert.Equal(("vro-beoordelaar", version), (now.GetProperty("behandelaar").GetProperty("userId").GetString(), now.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task HandOver_ToSomeoneWhoIsNoColleague_IsRefusedNamingTheField()
    {
        var id = await RoutedToVroAsync(_host, _t6);
        var first = await _host.AsUserAsync("vro-beoordelaar");
        await _host.AsUserAsync("rvo-loket");
        await OkAsync(await PostAsync(first, id, "claim", null));

        var refused = await PostAsync(first, id, "hand-over", new { to = "rvo-loket", note = "Graag overnemen." });
        var noNote = await PostAsync(first, id, "hand-over", new { to = "vro-beoordelaar-2", note = "" });

        var problem = await OkAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _), problem.ToString());
        Assert.True((await OkAsync(noNote, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task Transition_ThatRoutesTheCaseToAnotherOrganisation_LeavesItWithoutBehandelaar()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        var loket = await _host.AsUserAsync("rvo-loket");
        var claimed = await OkAsync(await PostAsync(loket, id, "claim", null));
        Assert.Equal(("RVO", "rvo-loket"), (claimed.GetProperty("routedTo").GetString(), claimed.GetProperty("behandelaar").GetProperty("userId").GetString()));

        var routed = await FireAsync(loket, id, "verklaarVolledig", null);

        Assert.Equal("VRO", routed.GetProperty("routedTo").GetString());
        Assert.Equal(JsonValueKind.Null, routed.GetProperty("behandelaar").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(await _host.AsUserAsync("vro-beoordelaar"), id)).GetProperty("behandelaar").ValueKind);
    }

    [Fact]
    public async Task Claim_ByAnotherOrganisation_IsForbidden()
    {
        var id = await RoutedToVroAsync(_host, _t6);

        var refused = await PostAsync(await _host.AsAsync("RVO", "Loket"), id, "claim", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Beheerder_OfTheOrganisation_ReassignsAndReleasesWhoeverHoldsTheCase()
    {
        var id = await RoutedToVroAsync(_host, _t6);
        var first = await _host.AsUserAsync("vro-beoordelaar");
        await _host.AsUserAsync("vro-beoordelaar-2");
        var beheerder = await _host.AsUserAsync("beheerder");
        await OkAsync(await PostAsync(first, id, "claim", null));

        var reassigned = await OkAsync(await PostAsync(beheerder, id, "hand-over", new { to = "vro-beoordelaar-2", note = "Werkverdeling: Esther neemt de WBI-toetsen." }));
        Assert.Equal("vro-beoordelaar-2", reassigned.GetProperty("behandelaar").GetProperty("userId").GetString());
        var released = await OkAsync(await PostAsync(beheerder, id, "release", null));

        Assert.Equal(JsonValueKind.Null, released.GetProperty("behandelaar").ValueKind);
        Assert.Contains(id, await QueueAsync(first, "unassigned"));
        var events = (await OkAsync(await first.GetAsync($"/api/v1/cases/{id}/history"))).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["zaak.behandelaar.oppakken", "zaak.behandelaar.toewijzen", "zaak.behandelaar.vrijgeven"], events.Where(e => e!.StartsWith("zaak.behandelaar.", StringComparison.Ordinal)));
    }
}
