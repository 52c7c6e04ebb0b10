using System.Globalization;
using System.Net;
using System.Text.Json;
using static Casework.Web.Tests.Escalation.Scenario;

namespace Casework.Web.Tests.Escalation;

/// <summary><c>GET /api/v1/meetings</c> pages with a cursor (date, body, id) instead of a fixed cap.</summary>
public sealed class MeetingPagingTests : IAsyncLifetime
{
    private readonly EscalationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ListMeetings_WithSmallLimit_WalksEveryMeetingOnceInDateBodyOrder()
    {
        var from = _host.Today.AddDays(8);
        var until = from.AddDays(2);
        var planned = new List<Guid>();
        foreach (var offset in new[] { 0, 1, 2 })
        {
            planned.Add((await PlanMeeting(_host, Sbsd, "SBSD", from.AddDays(offset))).Id());
        }

        foreach (var offset in new[] { 0, 2 })
        {
            planned.Add((await PlanMeeting(_host, Brsd, "BRSD", from.AddDays(offset))).Id());
        }

        var client = await _host.As(Sbsd);
        var (_, all) = await client.Get($"/api/v1/meetings?fromDate={D(from)}&untilDate={D(until)}&limit=500");
        var everything = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
        Assert.Subset(everything.Select(m => m.Id()).ToHashSet(), planned.ToHashSet());
        Assert.Equal(everything.OrderBy(m => m.Str("date"), StringComparer.Ordinal).ThenBy(m => m.Str("body"), StringComparer.Ordinal).Select(m => m.Id()), everything.Select(m => m.Id()));

        var walked = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/meetings?fromDate={D(from)}&untilDate={D(until)}&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var (status, page) = await client.Get(url);
            Assert.Equal(HttpStatusCode.OK, status);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            walked.AddRange(items.Select(m => m.Id()));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(everything.Select(m => m.Id()), walked);
        Assert.Equal((everything.Count + 1) / 2, pages);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("cursor=bm90LWEta2V5")]
    [InlineData("cursor=%25%25%25")]
    public async Task ListMeetings_WithBadLimitOrCursor_Returns400(string query)
    {
        var (status, _) = await (await _host.As(Sbsd)).Get("/api/v1/meetings?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
