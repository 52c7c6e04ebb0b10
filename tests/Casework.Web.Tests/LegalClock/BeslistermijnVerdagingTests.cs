using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using Casework.Web.Features.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// The beslistermijn of an application runs as its round says (Awb 4:13 lid 2 unless the regeling names one), and the
/// organisation that has the case may tell the applicant a new date by a notice under Awb 4:14.
/// </summary>
public sealed class BeslistermijnVerdagingTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new() { Settings = { ["WebSecurity:SignInPermitLimit"] = "10000", ["WebSecurity:CreatePermitLimit"] = "10000" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Verdaging_ByTheLoketWithinTheTerm_MovesTheDueDateAndIsAudited()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        var before = await BeslistermijnAsync(id);
        var newDate = before.CurrentDueDate.AddDays(42);
        using var loket = await CaseTestData.ApiAsync(_factory, "rvo-loket");

        var response = await PostAsync(loket, id, new { newDueDate = Iso(newDate), reason = "Alle aanvragen van de ronde worden samen beoordeeld." });

        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        var after = await BeslistermijnAsync(id);
        var calendar = await CalendarAsync();
        Assert.Equal(calendar.OnOrNextWorkingDay(newDate), after.CurrentDueDate);
        Assert.Equal(newDate, after.EndBeforeAtw);
        var notice = Assert.Single(after.Extensions);
        Assert.Equal(before.CurrentDueDate, notice.PreviousDueDate);
        var dto = await response.ReadJsonAsync();
        Assert.Contains(dto.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("dueDate").GetString() == Iso(after.CurrentDueDate));
        Assert.Equal($"\"{dto.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var stream = AuditTrail.CaseStream(id);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Stream == stream && e.Action == "beslistermijn.verdaagd");
        Assert.Equal("rvo-loket", audit.ActorUserId);
        Assert.Contains("Awb 4:14 lid 1", audit.NewValues, StringComparison.Ordinal);
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.HoofdObject == $"/api/v1/cases/{id}" && m.Actie == "beslistermijn-verdaagd"));
    }

    [Fact]
    public async Task Verdaging_AfterTheTermEnded_Is422WithAwb414()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        await ReplaceWithEndedTermAsync(id);
        using var loket = await CaseTestData.ApiAsync(_factory, "rvo-loket");

        var response = await PostAsync(loket, id, new { newDueDate = Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)), reason = "Te laat." });

        await HttpAssert.StatusAsync(HttpStatusCode.UnprocessableEntity, response);
        var rule = Assert.Single((await response.ReadJsonAsync()).GetProperty("brokenRules").EnumerateArray(), r => r.GetProperty("code").GetString() == "VERDAGING-NA-TERMIJN");
        Assert.Equal("Awb 4:14 lid 1", rule.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Verdaging_WhenTheNewDateIsNotLater_Is422AndChangesNothing()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        var before = await BeslistermijnAsync(id);
        using var loket = await CaseTestData.ApiAsync(_factory, "rvo-loket");

        var response = await PostAsync(loket, id, new { newDueDate = Iso(before.CurrentDueDate), reason = "Zelfde datum." });

        await HttpAssert.StatusAsync(HttpStatusCode.UnprocessableEntity, response);
        var rule = Assert.Single((await response.ReadJsonAsync()).GetProperty("brokenRules").EnumerateArray());
        Assert.Equal("VERDAGING-NIET-LATER", rule.GetProperty("code").GetString());
        Assert.Equal("Awb 4:14 lid 1", rule.GetProperty("source").GetString());
        Assert.Equal(before.CurrentDueDate, (await BeslistermijnAsync(id)).CurrentDueDate);
    }

    [Theory]
    [InlineData("amsterdam-aanvrager", HttpStatusCode.NotFound)] // another gemeente: not its case
    [InlineData("vro-beoordelaar", HttpStatusCode.NotFound)] // a ministry the case is not routed to
    [InlineData("rotterdam-aanvrager", HttpStatusCode.Forbidden)] // the applicant sees it but does not decide
    [InlineData("beheerder", HttpStatusCode.Forbidden)] // sees every case, but the case is not with VRO
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    public async Task Verdaging_ByAnotherOrganisation_IsRefusedAndChangesNothing(string user, HttpStatusCode expected)
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        var before = await BeslistermijnAsync(id);
        using var client = await CaseTestData.ApiAsync(_factory, user);

        var response = await PostAsync(client, id, new { newDueDate = Iso(before.CurrentDueDate.AddDays(30)), reason = "Niet van ons." });

        await HttpAssert.StatusAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.CurrentDueDate, (await BeslistermijnAsync(id)).CurrentDueDate);
        Assert.Empty((await BeslistermijnAsync(id)).Extensions);
    }

    [Theory]
    [InlineData("""{"reason":"Geen datum."}""", "newDueDate")]
    [InlineData("""{"newDueDate":"2040-01-10"}""", "reason")]
    [InlineData("""{"newDueDate":"2040-01-10","reason":"R","notifiedOn":"2040-01-01"}""", "notifiedOn")]
    public async Task Verdaging_WhenInputIsIncomplete_Is400NamingTheField(string body, string field)
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        using var loket = await CaseTestData.ApiAsync(_factory, "rvo-loket");

        var response = await PostAsync(loket, id, JsonDocument.Parse(body).RootElement);

        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task CasePage_ForTheLoket_OffersTheNoticeAndMovesTheTerm_ButNotForTheApplicant()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        var before = await BeslistermijnAsync(id);
        using var gemeente = await GemeentePageSetup.BrowserAsync(_factory, "rotterdam-aanvrager");
        using var loket = await GemeentePageSetup.BrowserAsync(_factory, "rvo-loket");

        var applicantPage = await gemeente.GetStringAsync($"/zaken/{id}");
        var page = await loket.GetStringAsync($"/zaken/{id}");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var empty = await loket.PostAsync($"/zaken/{id}?handler=Verdaging", GemeentePageSetup.Form(("__RequestVerificationToken", GemeentePageSetup.Token(page)), ("version", version), ("newDueDate", ""), ("reason", "Samen beoordelen.")));
        var posted = await loket.PostAsync($"/zaken/{id}?handler=Verdaging", GemeentePageSetup.Form(("__RequestVerificationToken", GemeentePageSetup.Token(page)), ("version", version), ("newDueDate", Iso(before.CurrentDueDate.AddDays(28))), ("reason", "Samen beoordelen.")));

        Assert.DoesNotContain("Beslistermijn verdagen", applicantPage, StringComparison.Ordinal);
        Assert.Contains("Beslistermijn verdagen", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Vul de nieuwe datum in", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal((await CalendarAsync()).OnOrNextWorkingDay(before.CurrentDueDate.AddDays(28)), (await BeslistermijnAsync(id)).CurrentDueDate);
    }

    [Fact]
    public async Task Round_WithoutATermInItsRegeling_ShowsAwb413Lid2InTheApiAndOnThePage()
    {
        using var anonymous = _factory.CreateClient();
        var rounds = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        var t6 = rounds.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "T6").GetProperty("id").GetGuid();

        var round = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{t6}");

        var term = round.GetProperty("ruleSet").GetProperty("beslistermijn");
        Assert.Equal(8, term.GetProperty("weeks").GetInt32());
        Assert.Equal("ontvangst", term.GetProperty("start").GetString());
        Assert.Equal("Awb 4:13 lid 2", term.GetProperty("source").GetString());
        Assert.True(term.GetProperty("isAwbDefault").GetBoolean());
        using var browser = await GemeentePageSetup.BrowserAsync(_factory, "rotterdam-aanvrager");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/rondes/{t6}"));
        Assert.Contains("8 weken na ontvangst van de aanvraag; de regeling noemt geen beslistermijn, dus geldt Awb 4:13 lid 2", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_WhoseRegelingNamesATermFromTheCloseOfTheTijdvak_StartsTheBeslistermijnThere()
    {
        using var beheerder = await CaseTestData.ApiAsync(_factory, "beheerder");
        var rounds = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        var t6 = rounds.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "T6").GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var closesAt = now.AddDays(30);
        var announced = await beheerder.PostAsJsonAsync("/api/v1/tranches", new
        {
            basedOnTrancheId = t6,
            name = "B" + Guid.NewGuid().ToString("N")[..10],
            announcedOnDate = Iso(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-60)),
            opensAt = now.AddDays(-1),
            closesAt,
            ceiling = 100_000_000m,
            ruleSetOverrides = new { beslistermijn = new { weeks = 13, start = "sluitingTijdvak", source = "Regeling Woningbouwimpuls 2020 art. 9 (voorbeeld)" } },
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, announced);
        var roundDto = await announced.ReadJsonAsync();
        var roundId = roundDto.GetProperty("tranche").GetProperty("id").GetGuid();
        Assert.False(roundDto.GetProperty("ruleSet").GetProperty("beslistermijn").GetProperty("isAwbDefault").GetBoolean());

        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, roundId);

        var deadline = await BeslistermijnAsync(id);
        var closes = AmsterdamClock.ToLocalDate(closesAt);
        Assert.Equal(closes, deadline.StartedOn);
        Assert.Equal((await CalendarAsync()).OnOrNextWorkingDay(closes.AddDays(13 * 7)), deadline.CurrentDueDate);
    }

    [Fact]
    public async Task AnnounceRound_WithABeslistermijnWithoutSource_Is400()
    {
        using var beheerder = await CaseTestData.ApiAsync(_factory, "beheerder");
        var rounds = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        var t6 = rounds.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "T6").GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;

        var response = await beheerder.PostAsJsonAsync("/api/v1/tranches", new
        {
            basedOnTrancheId = t6,
            name = "C" + Guid.NewGuid().ToString("N")[..10],
            opensAt = now.AddDays(60),
            closesAt = now.AddDays(90),
            ceiling = 1_000_000m,
            ruleSetOverrides = new { beslistermijn = new { weeks = 13, start = "sluitingTijdvak" } },
        });

        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ruleSetOverrides.beslistermijn", out _));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, object body)
    {
        using var read = await CaseTestData.ApiAsync(_factory, "beheerder");
        var version = (await read.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("version").GetInt32();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/beslistermijn/verdaging") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    private async Task<Deadline> BeslistermijnAsync(Guid caseId)
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == caseId && d.KindId == "beslistermijn" && d.Status != DeadlineStatus.Stopped);
    }

    private async Task<DutchCalendar> CalendarAsync()
    {
        await using var scope = _factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LegalCalendar>().GetAsync(CaseworkWebFactory.Db(scope), CancellationToken.None);
    }

    /// <summary>The case's beslistermijn as if it had been received ten weeks ago: it ended two weeks ago.</summary>
    private async Task ReplaceWithEndedTermAsync(Guid caseId)
    {
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var running = await db.Deadlines.SingleAsync(d => d.CaseId == caseId && d.KindId == "beslistermijn");
        running.Stop();
        var calendar = await scope.ServiceProvider.GetRequiredService<LegalCalendar>().GetAsync(db, CancellationToken.None);
        var ended = Deadline.Start(caseId, TermKinds.Beslistermijn, AmsterdamClock.Today(TimeProvider.System).AddDays(-70), calendar);
        db.Deadlines.Add(ended);
        db.Entry(ended).Property(Casework.Web.Persistence.Configurations.DeadlineConfiguration.DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(ended.CurrentDueDate);
        db.Entry(ended).Property(Casework.Web.Persistence.Configurations.DeadlineConfiguration.WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(ended.WarningDate);
        await db.SaveChangesAsync();
    }
}
