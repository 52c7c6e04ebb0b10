using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// One host for the class: the term calculator is anonymous and only reads (no test writes anything another
/// could see), so a host per test would only repeat the start-up. Each test has its own client.
/// </summary>
public sealed class TermCalculatorHost : IAsyncLifetime
{
    public const string Besluit2023 = "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag";

    private readonly LegalClockApp _app = new(new FakeTimeProvider(new DateTimeOffset(2024, 11, 14, 9, 0, 0, TimeSpan.Zero)));

    public HttpClient Anonymous() => _app.Anonymous();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

public sealed class TermCalculatorEndpointTests(TermCalculatorHost host) : IClassFixture<TermCalculatorHost>, IDisposable
{
    private readonly HttpClient _client = host.Anonymous();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task CalculateTerm_WhenDecisionMadeKnownThursday14November2024_ObjectionTermEndsMonday30DecemberOverBoxingDayAndTheEquatedFriday()
    {
        // Corrected: this test used to expect Friday 27-12-2024, which the besluit gelijkstelling of 2023 equates with
        // a holiday (Algemene termijnenwet art. 3 lid 3); the worked example of docs/domain.md ends on Monday 30-12-2024.
        var term = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms/bezwaartermijn?start=2024-11-14");

        Assert.Equal("2024-11-14", term.GetProperty("eventDate").GetString());
        Assert.Equal("2024-11-15", term.GetProperty("firstDay").GetString());
        Assert.Equal("2024-12-26", term.GetProperty("rawEndDate").GetString());
        Assert.Equal("2024-12-30", term.GetProperty("dueDate").GetString());
        Assert.True(term.GetProperty("movedByAtw").GetBoolean());
        Assert.True(term.GetProperty("equatedDaysKnown").GetBoolean());
        var moved = term.GetProperty("movedOver").EnumerateArray().ToList();
        Assert.Equal(["2024-12-26", "2024-12-27", "2024-12-28", "2024-12-29"], moved.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal("Tweede Kerstdag", moved[0].GetProperty("reason").GetString());
        Assert.True(moved[0].GetProperty("holiday").GetBoolean());
        Assert.False(moved[0].GetProperty("equated").GetBoolean());
        Assert.Equal("gelijkgesteld met een algemeen erkende feestdag, " + TermCalculatorHost.Besluit2023, moved[1].GetProperty("reason").GetString());
        Assert.True(moved[1].GetProperty("holiday").GetBoolean());
        Assert.True(moved[1].GetProperty("equated").GetBoolean());
        Assert.Equal(TermCalculatorHost.Besluit2023, moved[1].GetProperty("source").GetString());
        Assert.Equal("weekend", moved[2].GetProperty("reason").GetString());
        Assert.Equal("Awb 6:7, 6:8 lid 1", term.GetProperty("legalSource").GetString());
        Assert.Equal("6 weken", term.GetProperty("length").GetString());
        var steps = term.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("Start", steps[0].GetProperty("kind").GetString());
        Assert.Contains(steps, s => s.GetProperty("kind").GetString() == "AtwNextWorkingDay" && s.GetProperty("text").GetString()!.Contains("Tweede Kerstdag", StringComparison.Ordinal)
            && s.GetProperty("text").GetString()!.Contains("gelijkgesteld met een algemeen erkende feestdag, " + TermCalculatorHost.Besluit2023, StringComparison.Ordinal));
        Assert.Equal("2024-12-30", steps[^1].GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("2021-03-05", 2021)]
    [InlineData("2030-03-01", 2030)]
    public async Task CalculateTerm_WhenEndYearHasNoKnownBesluitGelijkstelling_FlagsIt(string start, int year)
    {
        var term = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terms/bezwaartermijn?start={start}");

        Assert.False(term.GetProperty("equatedDaysKnown").GetBoolean());
        Assert.Equal([year], term.GetProperty("unknownEquatedYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Contains(term.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "EquatedDaysUnknown"
            && s.GetProperty("text").GetString()!.Contains("voor dit jaar is geen besluit gelijkstelling bekend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CalculateTerm_WhenApplicationReceivedSunday1September2024_EightWeeksEndMonday28October()
    {
        var term = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms/beslistermijn?start=2024-09-01");

        Assert.Equal("2024-10-27", term.GetProperty("rawEndDate").GetString());
        Assert.Equal("2024-10-28", term.GetProperty("dueDate").GetString());
        var moved = Assert.Single(term.GetProperty("movedOver").EnumerateArray());
        Assert.Equal("weekend", moved.GetProperty("reason").GetString());
        Assert.False(moved.GetProperty("holiday").GetBoolean());
        Assert.Equal("Awb 4:13 lid 2", term.GetProperty("legalSource").GetString());
    }

    [Theory]
    [InlineData("beslistermijn", "2025-03-01", "2025-04-26", "2025-04-28")] // across the March change (30-03-2025); ends on Koningsdag, a Saturday
    [InlineData("bezwaartermijn", "2024-10-10", "2024-11-21", "2024-11-21")] // across the October change (27-10-2024)
    [InlineData("knelpunt-reactietermijn", "2025-03-20", "2025-05-01", "2025-05-01")]
    [InlineData("hersteltermijn", "2024-10-20", "2024-11-03", "2024-11-04")] // two weeks over the October change, ends on a Sunday
    public async Task CalculateTerm_WhenTermSpansClockChange_CountsCalendarDays(string kind, string start, string rawEnd, string due)
    {
        var term = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/terms/{kind}?start={start}");

        Assert.Equal(rawEnd, term.GetProperty("rawEndDate").GetString());
        Assert.Equal(due, term.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task CalculateTerm_WhenEndFallsOnKingsDaySaturday_NamesBothDaysItWasMovedOver()
    {
        var term = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms/beslistermijn?start=2025-03-01");

        var moved = term.GetProperty("movedOver").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("2025-04-26", "Koningsdag"), ("2025-04-27", "weekend")], moved);
    }

    [Fact]
    public async Task CalculateTerm_WithSuspension_MovesEndBySuspendedDays()
    {
        var term = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms/beslistermijn?start=2024-09-01&suspensions=2024-09-10/2024-09-20");

        Assert.Equal(10, term.GetProperty("suspendedDays").GetInt32());
        Assert.Equal("2024-10-27", term.GetProperty("rawEndDate").GetString());
        Assert.Equal("2024-11-06", term.GetProperty("endBeforeAtwDate").GetString());
        Assert.Equal("2024-11-06", term.GetProperty("dueDate").GetString());
        Assert.False(term.GetProperty("movedByAtw").GetBoolean());
        var suspension = Assert.Single(term.GetProperty("suspensions").EnumerateArray());
        Assert.Equal("2024-09-10", suspension.GetProperty("fromDate").GetString());
        Assert.Equal(10, suspension.GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task CalculateTerm_WithTwoSuspensions_AddsBoth()
    {
        var term = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms/beslistermijn?start=2024-09-01&suspensions=2024-09-10/2024-09-20&suspensions=2024-10-01/2024-10-04");

        Assert.Equal(13, term.GetProperty("suspendedDays").GetInt32());
        Assert.Equal("2024-11-11", term.GetProperty("dueDate").GetString()); // 09-11 is a Saturday
    }

    [Fact]
    public async Task CalculateTerm_WhenKindUnknown_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/terms/verjaringstermijn?start=2024-11-14");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("verjaringstermijn", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/terms/bezwaartermijn?start=2024-13-01", "start")]
    [InlineData("/api/v1/terms/bezwaartermijn?start=14-11-2024", "start")]
    [InlineData("/api/v1/terms/bezwaartermijn", "start")]
    [InlineData("/api/v1/terms/beslistermijn?start=2024-09-01&suspensions=2024-09-20/2024-09-10", "suspensions")]
    [InlineData("/api/v1/terms/beslistermijn?start=2024-09-01&suspensions=2024-09-10", "suspensions")]
    [InlineData("/api/v1/terms/bezwaartermijn?start=2024-11-14&suspensions=2024-11-20/2024-11-25", "suspensions")]
    [InlineData("/api/v1/terms/beslistermijn?start=2024-09-01&suspensions=2024-08-20/2024-08-25", "suspensions")]
    public async Task CalculateTerm_WhenInputInvalid_Returns400NamingTheField(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ListTermKinds_Anonymously_ReturnsEveryKindWithItsRules()
    {
        var kinds = await _client.GetFromJsonAsync<JsonElement>("/api/v1/terms");

        var byId = kinds.EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        Assert.Equal(Casework.Domain.Time.TermKinds.All.Select(k => k.Id).Order(), byId.Keys.Order());
        Assert.True(byId["beslistermijn"].GetProperty("suspensionApplies").GetBoolean());
        Assert.False(byId["wbi-start-bouw"].GetProperty("atwApplies").GetBoolean());
        Assert.True(byId["bezwaartermijn"].GetProperty("postalWeekApplies").GetBoolean());
        Assert.True(byId["knelpunt-reactietermijn"].GetProperty("designChoice").GetBoolean());
    }
}
