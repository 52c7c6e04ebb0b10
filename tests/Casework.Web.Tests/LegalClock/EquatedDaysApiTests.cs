using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Casework.Domain.Time;
using Casework.Web.Features.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// The days equated with an algemeen erkende feestdag (Atw art. 3 lid 3): seeded as reference data, public to read,
/// extended by a Beheerder, and fed to every term the host computes.
/// </summary>
public sealed class EquatedDaysApiTests : IAsyncLifetime
{
    private const string Url = "/api/v1/reference/gelijkgestelde-dagen";
    private static readonly string[] TwelfthOfApril = ["2030-04-12"];
    private static readonly string[] OtherDay = ["2031-05-30"];

    private const string NewBesluit = "Besluit gelijkstelling van 12 april 2030 met een algemeen erkende feestdag";

    // A knelpunt triaged on Friday 01-03-2030 has its 6-week reactietermijn end on Friday 12-04-2030.
    private readonly LegalClockApp _app = new(new FakeTimeProvider(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task List_Anonymously_ReturnsTheThreeSeededBesluitenWithTheirYearsAndDays()
    {
        using var client = _app.Anonymous();

        var besluiten = (await client.GetFromJsonAsync<JsonElement>(Url)).EnumerateArray().ToList();

        Assert.Equal(
            [
                ("Besluit gelijkstelling (KB van 31 oktober 2016, Stcrt. 2016, 58653)", 2017, 2019, "2017-04-28,2017-05-26,2018-05-11,2018-12-24,2018-12-31,2019-05-31,2019-12-27"),
                ("Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag", 2023, 2025, "2023-04-28,2023-05-19,2024-05-10,2024-12-27,2025-05-30"),
                ("Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag", 2026, 2028, "2026-01-02,2026-05-15,2027-05-07,2028-04-28,2028-05-26"),
            ],
            besluiten.Select(b => (
                b.GetProperty("title").GetString(),
                b.GetProperty("firstYear").GetInt32(),
                b.GetProperty("lastYear").GetInt32(),
                string.Join(',', b.GetProperty("days").EnumerateArray().Select(d => d.GetString())))));
        Assert.All(besluiten, b => Assert.Equal("Algemene termijnenwet art. 3 lid 3", b.GetProperty("legalSource").GetString()));
    }

    [Fact]
    public async Task Add_AsBeheerder_RecordsAndAuditsTheBesluitAndTermsThenMoveOverItsDay()
    {
        var knelpunt = await _app.OpenTriagedKnelpuntAsync();
        Assert.Equal(new DateOnly(2030, 4, 12), (await _app.DeadlineOfAsync(knelpunt)).CurrentDueDate);
        using var anonymous = _app.Anonymous();
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/terms/bezwaartermijn?start=2030-03-01");
        Assert.Equal("2030-04-12", before.GetProperty("dueDate").GetString());
        Assert.False(before.GetProperty("equatedDaysKnown").GetBoolean());
        using var beheerder = _app.As("beheerder");

        var response = await beheerder.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear = 2029, lastYear = 2031, days = TwelfthOfApril, reason = "Stcrt. 2028, 12345" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(NewBesluit, created.GetProperty("title").GetString());
        Assert.EndsWith($"{Url}/{created.GetProperty("id").GetString()}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(NewBesluit, (await anonymous.GetStringAsync(Url)), StringComparison.Ordinal);

        // The calculator, on this host at once, moves the term over the new day and names the besluit.
        var after = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/terms/bezwaartermijn?start=2030-03-01");
        Assert.Equal("2030-04-15", after.GetProperty("dueDate").GetString());
        Assert.True(after.GetProperty("equatedDaysKnown").GetBoolean());
        Assert.Contains(after.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "AtwNextWorkingDay"
            && s.GetProperty("text").GetString()!.Contains("gelijkgesteld met een algemeen erkende feestdag, " + NewBesluit, StringComparison.Ordinal));

        // The running term of the case moved with it, its due instant too, and the move is on the case's audit trail.
        var deadline = await _app.DeadlineOfAsync(knelpunt);
        Assert.Equal(new DateOnly(2030, 4, 15), deadline.CurrentDueDate);
        Assert.Equal(AmsterdamClock.StartOfNextDayUtc(new DateOnly(2030, 4, 15)), await _app.DueAtAsync(knelpunt));
        Assert.Equal(1, await _app.AuditCountAsync(knelpunt, "termijn.herberekend"));

        await using var scope = _app.Services.CreateAsyncScope();
        var audit = await LegalClockApp.Db(scope).AuditEvents.AsNoTracking().SingleAsync(e => e.Stream == EquatedDaysHandlers.Stream);
        Assert.Equal("gelijkstelling.vastgelegd", audit.Action);
        Assert.Equal("beheerder", audit.ActorUserId);
        Assert.Equal("ok", audit.Result);
        Assert.Contains("2030-04-12", audit.NewValues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vro-beoordelaar")]
    [InlineData("auditor")]
    [InlineData("rotterdam-aanvrager")]
    public async Task Add_AsNonBeheerder_Returns403ProblemAndRecordsNothing(string user)
    {
        using var client = _app.As(user);

        var response = await client.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear = 2029, lastYear = 2031, days = TwelfthOfApril });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forbidden", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.DoesNotContain(NewBesluit, await _app.Anonymous().GetStringAsync(Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Anonymously_Returns401()
    {
        using var client = _app.Anonymous();

        var response = await client.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear = 2029, lastYear = 2031, days = TwelfthOfApril });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"firstYear":2029,"lastYear":2031,"days":["2030-04-12"]}""", "title")]
    [InlineData("""{"title":"B","lastYear":2031,"days":["2030-04-12"]}""", "firstYear")]
    [InlineData("""{"title":"B","firstYear":2029,"lastYear":2031,"days":[]}""", "days")]
    [InlineData("""{"title":"B","firstYear":2029,"lastYear":2031,"days":["2030-04-12","2030-04-12"]}""", "days")]
    public async Task Add_WhenShapeIsWrong_Returns400NamingTheField(string body, string field)
    {
        using var beheerder = _app.As("beheerder");

        var response = await beheerder.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Add_WhenADayIsNoDate_Returns400Problem()
    {
        using var beheerder = _app.As("beheerder");

        var response = await beheerder.PostAsync(Url, new StringContent("""{"title":"B","firstYear":2029,"lastYear":2031,"days":["12-04-2030"]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(2029, 2031, "2032-05-07", "GELIJKSTELLING-DAG-BUITEN-JAREN", "Algemene termijnenwet art. 3 lid 3")]
    [InlineData(2026, 2028, "2026-05-15", "GELIJKSTELLING-DAG-BEKEND", "Algemene termijnenwet art. 3 lid 3")]
    [InlineData(2029, 2031, "2030-04-13", "GELIJKSTELLING-DAG-WEEKEND", "Algemene termijnenwet art. 1 lid 1")]
    [InlineData(2029, 2031, "2030-12-26", "GELIJKSTELLING-DAG-FEESTDAG", "Algemene termijnenwet art. 3 lid 1 en 2")]
    [InlineData(2029, 2040, "2030-04-12", "GELIJKSTELLING-JAREN", "Ontwerpkeuze: een besluit gelijkstelling geldt in de praktijk voor drie jaar")]
    public async Task Add_WhenARuleIsBroken_Returns422WithTheRuleAndItsSource(int firstYear, int lastYear, string day, string code, string source)
    {
        using var beheerder = _app.As("beheerder");

        var response = await beheerder.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear, lastYear, days = (string[])[day] });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var rule = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("brokenRules").EnumerateArray());
        Assert.Equal(code, rule.GetProperty("code").GetString());
        Assert.Equal(source, rule.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Add_WhenTheSameBesluitIsAddedTwice_SecondIs422()
    {
        using var beheerder = _app.As("beheerder");
        var first = await beheerder.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear = 2029, lastYear = 2031, days = TwelfthOfApril });

        var second = await beheerder.PostAsJsonAsync(Url, new { title = NewBesluit, firstYear = 2029, lastYear = 2031, days = OtherDay });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("GELIJKSTELLING-BESLUIT-BEKEND", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WhenSeededAgain_AddsNoBesluitTwice()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<Casework.Web.Persistence.Seed.ReferenceDataSeeder>();

        Assert.Equal(0, await seeder.SeedAsync(CancellationToken.None));
        Assert.Equal(3, await LegalClockApp.Db(scope).EquatedDaysDecrees.CountAsync());
        Assert.Equal(17, await LegalClockApp.Db(scope).EquatedDaysDecrees.SelectMany(d => d.Days).CountAsync());
    }
}
