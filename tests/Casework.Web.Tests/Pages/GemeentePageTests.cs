using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Web.Features.Applications;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The gemeente's pages over HTTP with a cookie, on the real app and database: /mijn-zaken, /aanvragen/nieuw,
/// /aanvragen/{id} (save, submit with broken rules, submit) and /werkvoorraad, with access and antiforgery.
/// </summary>
public sealed class GemeentePageTests : IAsyncLifetime
{
    // A fake clock standing still at the test's start: the open round and "today" are on the app's clock.
    private readonly CaseworkWebFactory _factory = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };
    private Guid _round;

    public async Task InitializeAsync() => _round = await OpenWbiRoundAsync(_factory, UniqueRoundName("PG"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MyCases_AsGemeente_ListsOwnDraftWithWhatToDoAndNotAnotherGemeentesCase()
    {
        var own = await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(_round, "Kop van Zuid"));
        await CreateDraftAsync(_factory, "amsterdam-aanvrager", WbiApplication(_round, "Amstelkwartier"));
        using var browser = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var response = await browser.GetAsync("/mijn-zaken");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/zaken/{own}\"", html, StringComparison.Ordinal);
        Assert.Contains("Kop van Zuid", html, StringComparison.Ordinal);
        Assert.Contains("Aanvraag Woningbouwimpuls", html, StringComparison.Ordinal);
        Assert.Contains("Dien de aanvraag in vóór", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/aanvragen/{own}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Amstelkwartier", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyCases_AsLoket_Returns403WithoutCases()
    {
        await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(_round, "Kop van Zuid"));
        using var browser = await BrowserAsync(_factory, "rvo-loket");

        var response = await browser.GetAsync("/mijn-zaken");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Kop van Zuid", html, StringComparison.Ordinal);
        AssertDeniedPage(html, "Mijn zaken is er voor aanvragers van een gemeente. Uw werk staat in de werkvoorraad.");
    }

    /// <summary>Every refused page is the one shared 403 page (Features/Shared/_Denied) with the sentence of that page.</summary>
    private static void AssertDeniedPage(string html, string why)
    {
        Assert.Contains("<title>Geen toegang", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Geen toegang</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"nl-paragraph\">{why}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"utrecht-link\" href=\"/\">Naar de startpagina</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewApplication_WithoutRound_OffersOnlyOpenRounds()
    {
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");

        var html = await browser.GetStringAsync("/aanvragen/nieuw");

        Assert.Contains($"href=\"/aanvragen/nieuw?ronde={_round}\"", html, StringComparison.Ordinal);
        using var anonymous = _factory.CreateClient();
        var rounds = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        foreach (var closed in rounds.EnumerateArray().Where(r => r.GetProperty("status").GetString() != "Open"))
        {
            Assert.DoesNotContain($"ronde={closed.GetProperty("id").GetGuid()}", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NewApplication_PerRegeling_ShowsThatRegelingsFieldsInFieldsetsWithHints()
    {
        var vhf = await OpenRoundAsync(_factory, UniqueRoundName("PV"), "Vhf", "2024-R4");
        using var browser = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var wbiForm = await browser.GetStringAsync($"/aanvragen/nieuw?ronde={_round}");
        var vhfForm = await browser.GetStringAsync($"/aanvragen/nieuw?ronde={vhf}");

        Assert.Contains("Nieuwe aanvraag Woningbouwimpuls", wbiForm, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.MaxKoopPrice\"", wbiForm, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.InvestmentVolume\"", wbiForm, StringComparison.Ordinal);
        Assert.Contains("Nieuwe aanvraag Volkshuisvestingsfonds", vhfForm, StringComparison.Ordinal);
        foreach (var field in new[] { "InvestmentVolume", "GemeenteProjectCosts", "PrimaryActivitiesAmount", "SecondaryActivitiesAmount", "RightOfReturn", "RehousingPlan", "ParticipationPlan" })
        {
            Assert.Contains($"name=\"Input.{field}\"", vhfForm, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("name=\"Input.MaxKoopPrice\"", vhfForm, StringComparison.Ordinal);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(vhfForm, "<legend class=\"utrecht-form-fieldset__legend"));
        Assert.Matches("id=\"Input_FinancialDeficit\"[^>]*aria-describedby=\"Input_FinancialDeficit-hint\"", vhfForm);
        Assert.Contains("<option value=\"", vhfForm, StringComparison.Ordinal); // the focusgebieden to choose from
    }

    [Fact]
    public async Task NewApplication_PostWithoutAntiforgeryToken_Returns400AndCreatesNothing()
    {
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");

        var response = await browser.PostAsync("/aanvragen/nieuw", Form(ValidForm(_round).Select(f => (f.Key, f.Value)).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountApplicationsAsync());
    }

    [Fact]
    public async Task NewApplication_PostWithInvalidFields_ShowsEachErrorAtItsFieldAndCreatesNothing()
    {
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");
        var form = await browser.GetStringAsync($"/aanvragen/nieuw?ronde={_round}");
        var fields = ValidForm(_round);
        fields["Input.ProjectName"] = string.Empty;
        fields["Input.RequestedAmount"] = "veel";
        fields["__RequestVerificationToken"] = Token(form);

        var response = await browser.PostAsync("/aanvragen/nieuw", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_RequestedAmount\">&#x27;veel&#x27; is geen bedrag", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_RequestedAmount\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(0, await CountApplicationsAsync());

        // With the amount readable, the API's own validator speaks, at the field.
        fields["Input.RequestedAmount"] = "5.000.000";
        var second = await browser.PostAsync("/aanvragen/nieuw", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        var secondHtml = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("href=\"#Input_ProjectName\">Geef de naam van het project.</a>", secondHtml, StringComparison.Ordinal);
        Assert.Equal(0, await CountApplicationsAsync());
    }

    [Fact]
    public async Task NewApplication_OtherGemeentenByName_AreStoredAsTheirCodesAndShownByNameAgain_AndAnUnknownNameIsRefusedAtItsField()
    {
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");
        var form = await browser.GetStringAsync($"/aanvragen/nieuw?ronde={_round}");
        Assert.DoesNotContain("CBS-codes", form, StringComparison.Ordinal);
        var fields = ValidForm(_round);
        fields["__RequestVerificationToken"] = Token(form);
        fields["Input.JointMembers"] = "Nederwert";

        var refused = await browser.PostAsync("/aanvragen/nieuw", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#Input_JointMembers\">Geen gemeente met de naam ‘Nederwert’", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountApplicationsAsync());

        fields["Input.JointMembers"] = "nederweert; gemeente Leudal";
        var created = await browser.PostAsync("/aanvragen/nieuw", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var draftUrl = created.Headers.Location!.OriginalString;
        var application = await ApplicationAsync(Guid.Parse(draftUrl["/aanvragen/".Length..]));
        Assert.Equal(["GM0946", "GM1640"], application.GetProperty("jointMembers").EnumerateArray().Select(m => m.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Nederweert, Leudal", Value(await browser.GetStringAsync(draftUrl), "Input.JointMembers"));
    }

    [Fact]
    public async Task DraftJourney_SaveSubmitBrokenFixSubmit_ShowsRuleWithSourceThenLandsOnCase()
    {
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");
        var form = await browser.GetStringAsync($"/aanvragen/nieuw?ronde={_round}");
        var fields = ValidForm(_round);
        fields["Input.SocialeHuur"] = "40"; // 40 + 150 = 190 homes: below the round's 200
        fields["__RequestVerificationToken"] = Token(form);

        var created = await browser.PostAsync("/aanvragen/nieuw", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var draftUrl = created.Headers.Location!.OriginalString;
        Assert.Matches("^/aanvragen/[0-9a-f-]{36}$", draftUrl);
        var id = Guid.Parse(draftUrl["/aanvragen/".Length..]);
        var draft = await browser.GetStringAsync(draftUrl);
        Assert.Contains("Het concept", draft, StringComparison.Ordinal);
        Assert.Equal("40", Value(draft, "Input.SocialeHuur"));
        Assert.Equal("10.000.000", Value(draft, "Input.FinancialDeficit"));
        Assert.Equal("2027-06-01", Value(draft, "Input.PlannedConstructionStartDate")); // the date control reads yyyy-MM-dd

        fields = ValidForm(_round);
        fields["Input.SocialeHuur"] = "40";
        fields["Input.Version"] = Value(draft, "Input.Version");
        fields["__RequestVerificationToken"] = Token(draft);
        var refused = await browser.PostAsync($"{draftUrl}?handler=Submit", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));
        var refusedHtml = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Regel WBI-MIN-WONINGEN · bron: ", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("niet ingediend", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("concept", (await ApplicationAsync(id)).GetProperty("state").GetString());

        // The round requires bijlagen: each missing one is its own broken rule with its source, and the draft's
        // dossier section lists it as missing; once they are attached only the form's fix is left.
        Assert.Contains("Regel WBI-BIJLAGE-ONTBREEKT-PROJECTPLAN · bron: ", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Regel WBI-BIJLAGE-ONTBREEKT-GEMEENTELIJKE-BIJDRAGE · bron: ", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"verplicht-begroting\"", draft, StringComparison.Ordinal);
        using (var gemeente = await _factory.SignInAsync("weert-aanvrager"))
        {
            Assert.Equal(5, (await RequiredBijlagen.AttachAsync(gemeente, id)).Count);
        }

        fields["Input.SocialeHuur"] = "150";
        fields["Input.Version"] = Value(refusedHtml, "Input.Version");
        fields["__RequestVerificationToken"] = Token(refusedHtml);
        var submitted = await browser.PostAsync($"{draftUrl}?handler=Submit", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/zaken/{id}", submitted.Headers.Location!.OriginalString);
        var application = await ApplicationAsync(id);
        Assert.Equal("ingediend", application.GetProperty("state").GetString());
        Assert.Equal(300, application.GetProperty("totalHomes").GetInt32());
    }

    [Fact]
    public async Task EditApplication_WithStaleVersion_RefusesAndKeepsTheNewerDraft()
    {
        var id = await CreateDraftAsync(_factory, "weert-aanvrager", WbiApplication(_round, "Centrum Weert"));
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");
        var page = await browser.GetStringAsync($"/aanvragen/{id}");
        var fields = ValidForm(_round);
        fields["Input.ProjectName"] = "Eerste wijziging";
        fields["Input.Version"] = Value(page, "Input.Version");
        fields["__RequestVerificationToken"] = Token(page);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/aanvragen/{id}", Form(fields.Select(f => (f.Key, f.Value)).ToArray()))).StatusCode);

        fields["Input.ProjectName"] = "Tweede wijziging op een oude versie";
        var stale = await browser.PostAsync($"/aanvragen/{id}", Form(fields.Select(f => (f.Key, f.Value)).ToArray()));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("intussen gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Eerste wijziging", (await ApplicationAsync(id)).GetProperty("projectName").GetString());
    }

    [Fact]
    public async Task EditApplication_OfAnotherGemeente_Returns404()
    {
        var id = await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(_round, "Kop van Zuid"));
        using var browser = await BrowserAsync(_factory, "weert-aanvrager");

        var response = await browser.GetAsync($"/aanvragen/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/aanvragen/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task WorkQueue_AsLoket_ShowsSubmittedApplicationFiltersAndAnswersHtmxWithResultsOnly()
    {
        var id = await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(_round, "Kop van Zuid"));
        var draftOnly = await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(_round, "Nog een concept"));
        using (var gemeente = await _factory.SignInAsync("rotterdam-aanvrager"))
        {
            await RequiredBijlagen.AttachAsync(gemeente, id);
            var version = (await gemeente.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("version").GetInt32();
            using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
            submit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await gemeente.SendAsync(submit));
        }

        using var browser = await BrowserAsync(_factory, "rvo-loket");
        var all = await browser.GetStringAsync("/werkvoorraad");
        var wbi = await browser.GetStringAsync("/werkvoorraad?soort=wbi-application&status=ingediend");
        var knelpunten = await browser.GetStringAsync("/werkvoorraad?soort=knelpunt");
        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/werkvoorraad?soort=wbi-application");
        htmx.Headers.Add("HX-Request", "true");
        var partial = await (await browser.SendAsync(htmx)).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/zaken/{id}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{draftOnly}", all, StringComparison.Ordinal); // a draft is still the gemeente's
        Assert.Contains($"href=\"/zaken/{id}\"", wbi, StringComparison.Ordinal);
        Assert.Contains("<option value=\"wbi-application\" selected=\"selected\">", wbi, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{id}", knelpunten, StringComparison.Ordinal);
        Assert.Contains($"href=\"/zaken/{id}\"", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains("hx-push-url=\"true\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyCases_WhenLoketAsksForCompletion_SaysToCompleteBeforeTheHerstelDeadline()
    {
        // Its own app with a movable clock: the loket asks for completion a day after receipt (the API refuses the
        // same day: the decision term's first day is the day after receipt; reported to the lead).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var root = new CaseworkWebFactory();
        await using var app = root.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.LifetimeValidator = (_, _, _, _) => true);
        }));
        var round = await OpenWbiRoundAsync(app, UniqueRoundName("HS"));
        var id = await CreateDraftAsync(app, "rotterdam-aanvrager", WbiApplication(round, "Kop van Zuid"));
        using (var gemeente = await ApiAsync(app, "rotterdam-aanvrager"))
        {
            await RequiredBijlagen.AttachAsync(gemeente, id);
            var version = (await gemeente.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}")).GetProperty("version").GetInt32();
            using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
            submit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await gemeente.SendAsync(submit));
        }

        clock.Advance(TimeSpan.FromDays(1));
        using var loketApi = await ApiAsync(app, "rvo-loket");
        var current = await loketApi.GetCaseAsync(id);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await loketApi.FireAsync(id, "verzoekHerstel", current.GetProperty("version").GetInt32(), new { reason = "De begroting ontbreekt." }));
        var herstel = (await loketApi.GetCaseAsync(id)).GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "hersteltermijn");
        var due = DateOnly.Parse(herstel.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        using var gemeenteBrowser = await BrowserAsync(app, "rotterdam-aanvrager");
        var mine = WebUtility.HtmlDecode(await gemeenteBrowser.GetStringAsync("/mijn-zaken"));
        using var loketBrowser = await BrowserAsync(app, "rvo-loket");
        var queue = await loketBrowser.GetStringAsync("/werkvoorraad");

        Assert.Contains($"Vul de aanvraag aan vóór {Casework.Web.Features.Pages.NlFormat.Date(due)}", mine, StringComparison.Ordinal);
        Assert.Contains("Herstelverzoek uitstaand", mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{id}", queue, StringComparison.Ordinal); // the gemeente is to act, not the loket
    }

    [Fact]
    public async Task WorkQueue_OverdueAndDueSoon_FilterAndSortByNextDeadline()
    {
        var overdue = await _factory.OpenCaseAsync("wbi-application", "GM0599", routedTo: "RVO", title: "Te laat");
        var soon = await _factory.OpenCaseAsync("wbi-application", "GM0518", routedTo: "RVO", title: "Bijna");
        var later = await _factory.OpenCaseAsync("wbi-application", "GM0363", routedTo: "RVO", title: "Later");
        var elsewhere = await _factory.OpenCaseAsync("wbi-application", "GM0363", routedTo: "VRO", title: "Bij VRO");
        var today = Casework.Domain.Time.AmsterdamClock.Today(_factory.Services.GetRequiredService<TimeProvider>());
        await using (var scope = _factory.CreateScope())
        {
            var db = CaseworkWebFactory.Db(scope);
            var calendar = await scope.ServiceProvider.GetRequiredService<Casework.Web.Features.Deadlines.LegalCalendar>().GetAsync(db, CancellationToken.None);
            db.Deadlines.Add(Casework.Domain.Time.Deadline.Start(soon.Id, Casework.Domain.Time.TermKinds.Hersteltermijn, today.AddDays(-10), calendar));
            db.Deadlines.Add(Casework.Domain.Time.Deadline.Start(overdue.Id, Casework.Domain.Time.TermKinds.Hersteltermijn, today.AddDays(-30), calendar));
            db.Deadlines.Add(Casework.Domain.Time.Deadline.Start(later.Id, Casework.Domain.Time.TermKinds.Beslistermijn, today, calendar));
            db.Deadlines.Add(Casework.Domain.Time.Deadline.Start(elsewhere.Id, Casework.Domain.Time.TermKinds.Hersteltermijn, today.AddDays(-30), calendar));
            await db.SaveChangesAsync();
        }

        using var browser = await BrowserAsync(_factory, "rvo-loket");
        var all = await browser.GetStringAsync("/werkvoorraad?soort=wbi-application");
        var overdueOnly = await browser.GetStringAsync("/werkvoorraad?verlopen=true");
        var soonOnly = await browser.GetStringAsync("/werkvoorraad?binnenkort=true");

        var order = new[] { overdue.Id, soon.Id, later.Id }.Select(id => all.IndexOf($"/zaken/{id}", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
        Assert.DoesNotContain($"/zaken/{elsewhere.Id}", all, StringComparison.Ordinal);
        Assert.Contains("Termijn verstreken", all, StringComparison.Ordinal);
        Assert.Contains($"/zaken/{overdue.Id}", overdueOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{soon.Id}", overdueOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{later.Id}", overdueOnly, StringComparison.Ordinal);
        Assert.Contains($"/zaken/{soon.Id}", soonOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{overdue.Id}", soonOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"/zaken/{later.Id}", soonOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyCases_WithMoreCasesThanAPage_PagesThroughAllOfThemOnce()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            ids.Add((await _factory.OpenCaseAsync("knelpunt", "GM0599", title: $"Knelpunt {i:00}")).Id);
        }

        using var browser = await BrowserAsync(_factory, "rotterdam-aanvrager");
        var first = await browser.GetStringAsync("/mijn-zaken");
        var second = await browser.GetStringAsync("/mijn-zaken?pagina=2");

        Assert.Contains("pagina 1 van 2", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/mijn-zaken?pagina=2\"", first, StringComparison.Ordinal);
        var shown = ids.Where(id => first.Contains($"/zaken/{id}", StringComparison.Ordinal)).Concat(ids.Where(id => second.Contains($"/zaken/{id}", StringComparison.Ordinal))).ToList();
        Assert.Equal(27, shown.Count);
        Assert.Equal(27, shown.Distinct().Count());
    }

    [Fact]
    public async Task WorkQueue_AsGemeente_Returns403()
    {
        using var browser = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var response = await browser.GetAsync("/werkvoorraad");
        var newApplication = await (await BrowserAsync(_factory, "rvo-loket")).GetAsync("/aanvragen/nieuw");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertDeniedPage(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "De werkvoorraad is er voor wie zaken van anderen behandelt. Uw zaken als aanvrager staan onder Mijn zaken.");
        Assert.Equal(HttpStatusCode.Forbidden, newApplication.StatusCode);
        AssertDeniedPage(WebUtility.HtmlDecode(await newApplication.Content.ReadAsStringAsync()), "Alleen een aanvrager van een gemeente kan een aanvraag opstellen.");
    }

    [Theory]
    [InlineData("1250000", 1_250_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("€ 1.250.000,50", 1_250_000.50)]
    [InlineData("1250000,5", 1_250_000.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1.250.000,-", 1_250_000)]
    public void DutchAmount_TryParse_ReadsAmountsAsDutchReadersWriteThem(string text, decimal expected)
    {
        Assert.True(DutchAmount.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("veel")]
    [InlineData("1,2,3")]
    [InlineData("-5")]
    public void DutchAmount_TryParse_RefusesWhatIsNoAmount(string text) => Assert.False(DutchAmount.TryParse(text, out _));

    [Theory]
    [InlineData("1-6-2027")]
    [InlineData("01-06-2027")]
    [InlineData("01/06/2027")]
    [InlineData("2027-06-01")]
    public void DutchDate_TryParse_ReadsDayMonthYearAndIso(string text)
    {
        Assert.True(DutchDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2027, 6, 1), date);
    }

    [Theory]
    [InlineData("06/31/2027")]
    [InlineData("morgen")]
    [InlineData("22032-03-11")]
    public void DutchDate_TryParse_RefusesWhatIsNoDate(string text) => Assert.False(DutchDate.TryParse(text, out _));

    private static Dictionary<string, string> ValidForm(Guid round) => new()
    {
        ["Input.TrancheId"] = round.ToString(),
        ["Input.Version"] = "0",
        ["Input.ProjectName"] = "Centrum Weert",
        ["Input.Focusgebied"] = string.Empty,
        ["Input.OtherArea"] = "Binnenstad",
        ["Input.JointMembers"] = string.Empty,
        ["Input.SocialeHuur"] = "150",
        ["Input.Middenhuur"] = "0",
        ["Input.BetaalbareKoop"] = "0",
        ["Input.Other"] = "150",
        ["Input.MaxKoopPrice"] = string.Empty,
        ["Input.FinancialDeficit"] = "10.000.000",
        ["Input.RequestedAmount"] = "5.000.000",
        ["Input.OwnContribution"] = "5.000.000",
        ["Input.PlannedConstructionStartDate"] = "2027-06-01",
        ["Input.PlannedCompletionDate"] = "31-12-2032",
        ["Input.RightOfReturn"] = "false",
        ["Input.RehousingArranged"] = "false",
        ["Input.ResidentParticipation"] = "false",
        ["Input.Herkansing"] = "false",
    };

    private async Task<int> CountApplicationsAsync()
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).Set<FundingApplication>().CountAsync(a => a.TrancheId == _round);
    }

    private async Task<JsonElement> ApplicationAsync(Guid id)
    {
        using var client = await _factory.SignInAsync("beheerder");
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
    }
}
