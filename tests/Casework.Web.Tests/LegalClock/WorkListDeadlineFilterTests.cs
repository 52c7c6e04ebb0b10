using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// Three knelpunten: A (VRO) and B (SZW) triaged on 14-11-2024, due Monday 30-12-2024 (26-12 is Tweede Kerstdag,
/// 27-12 is equated with a holiday under Atw art. 3 lid 3, then the weekend); C (VRO) triaged on 05-12-2024, due
/// 16-01-2025. VRO must never see B.
/// </summary>
public sealed class WorkListDeadlineFilterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 11, 14, 9, 0, 0, TimeSpan.Zero));
    private LegalClockApp _app = null!;
    private Guid _a;
    private Guid _b;
    private Guid _c;

    public async Task InitializeAsync()
    {
        _app = new LegalClockApp(_clock);
        _a = await _app.OpenTriagedKnelpuntAsync("VRO", "A");
        _b = await _app.OpenTriagedKnelpuntAsync("SZW", "B");
        _clock.SetUtcNow(new DateTimeOffset(2024, 12, 5, 9, 0, 0, TimeSpan.Zero));
        _c = await _app.OpenTriagedKnelpuntAsync("VRO", "C");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ListCases_DueWithin_ReturnsOwnCasesDueInThatManyDays()
    {
        _clock.SetUtcNow(new DateTimeOffset(2024, 12, 20, 9, 0, 0, TimeSpan.Zero));
        using var vro = _app.As("vro-beoordelaar");

        Assert.Equal([_a], await IdsAsync(vro, "dueWithin=10"));
        Assert.Equal(new[] { _a, _c }.Order(), (await IdsAsync(vro, "dueWithin=30")).Order());
        Assert.Empty(await IdsAsync(vro, "dueWithin=6"));
        Assert.Empty(await IdsAsync(vro, "overdue=true"));
    }

    [Fact]
    public async Task ListCases_Overdue_ReturnsOwnCasesPastTheirDueDateBeforeAndAfterTheWorkerRan()
    {
        // The day after the due date (corrected from 28-12, the day after the old, wrong due date 27-12-2024).
        _clock.SetUtcNow(new DateTimeOffset(2024, 12, 31, 9, 0, 0, TimeSpan.Zero));
        using var vro = _app.As("vro-beoordelaar");
        using var szw = _app.As("szw-beoordelaar");

        Assert.Equal([_a], await IdsAsync(vro, "overdue=true"));
        Assert.Equal([_c], await IdsAsync(vro, "overdue=false"));
        Assert.Equal([_b], await IdsAsync(szw, "overdue=true"));

        await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal([_a], await IdsAsync(vro, "overdue=true"));
        Assert.Equal([_c], await IdsAsync(vro, "dueWithin=30"));
        var page = await vro.GetFromJsonAsync<JsonElement>("/api/v1/cases?overdue=true");
        Assert.True(page.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?type=knelpunt&" + query);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}
