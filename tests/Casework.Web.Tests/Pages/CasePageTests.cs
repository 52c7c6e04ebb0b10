using System.Net;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// One app (own SQLite file) for the case-page tests of a class. Its tests sign in more often than the sign-in rate
/// limit allows one client per window; the limit itself is tested in AccessTests. Its clock is a fake one that
/// stands still at the moment the class starts, so "today" is the same for the tests and the app.
/// </summary>
public sealed class CasePageFixture : IAsyncLifetime
{
    public CaseworkWebFactory Factory { get; } = new()
    {
        // Each submitted application also uploads the bijlagen its round requires (creates, like the application).
        Settings = { ["WebSecurity:SignInPermitLimit"] = "10000", ["WebSecurity:CreatePermitLimit"] = "10000" },
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The case page (<c>/zaken/{id}</c>) and its diagram over HTTP with a cookie, as a browser without script sees them:
/// scoping (404), what is shown, and that every form post goes through the same commands with their checks
/// (antiforgery, If-Match version, required input, field errors, Post/Redirect/Get with a message).
/// </summary>
public sealed partial class CasePageTests(CasePageFixture fixture) : IClassFixture<CasePageFixture>
{
    private CaseworkWebFactory Factory => fixture.Factory;

    [Fact]
    public async Task GetCase_AsApplicantGemeente_ShowsHeaderDeadlineTimelineFactsAndWhyTheLoketActionIsNotTheirs()
    {
        var (id, reference) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Tarwewijk");
        using var browser = await SignedInAsync("rotterdam-aanvrager");

        var response = await browser.GetAsync($"/zaken/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>Tarwewijk</h1>", html);
        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.Contains("Aanvraag Woningbouwimpuls", html, StringComparison.Ordinal);
        Assert.Contains(">Ingediend</span>", html, StringComparison.Ordinal);
        Assert.Contains("gemeente Rotterdam", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GM0599", WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ")), StringComparison.Ordinal);
        Assert.Contains("Beslistermijn aanvraag", html, StringComparison.Ordinal);
        Assert.Contains("Zaak aangemaakt", html, StringComparison.Ordinal);
        Assert.Matches("<strong>Indienen</strong> → status ‘Ingediend’", html);
        Assert.Contains("€\u00A05.000.000", html, StringComparison.Ordinal);
        Assert.Contains("600, waarvan 300 betaalbaar", html, StringComparison.Ordinal);
        // Corrected (Pages issue, "actions the user can never take above the user's own"): the loket's actions are not
        // dead buttons with a role name on the gemeente's page; one line says who is to act and what they can do.
        Assert.DoesNotContain("actie-verzoekHerstel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rollen nodig", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"aan-zet\">Rijksdienst voor Ondernemend Nederland \\(loket VHF en WBI\\): [^<]*herstelverzoek sturen[^<]*\\.</dd>", html);
        // The gemeente may withdraw: a form with a mandatory reason that asks for confirmation.
        Assert.Matches("<form method=\"post\" data-confirm=\"[^\"]+\" action=\"/zaken/" + id + "\\?handler=Actie\">", html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"/)", html);
    }

    [Fact]
    public async Task GetCase_AsAnotherGemeenteOrUnknownId_Returns404()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Afrikaanderwijk");
        using var amsterdam = await SignedInAsync("amsterdam-aanvrager");

        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/zaken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/zaken/{id}/diagram")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/zaken/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task GetCaseOrDiagram_Anonymous_RedirectsToSignInAndShowsNothingOfTheCase()
    {
        var (id, reference) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Feijenoord");
        using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        foreach (var path in new[] { $"/zaken/{id}", $"/zaken/{id}/diagram" })
        {
            var response = await anonymous.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith("/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reference, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PostAction_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Bloemhof");
        using var loket = await SignedInAsync("rvo-loket");
        var version = Version(await loket.GetStringAsync($"/zaken/{id}"));

        var response = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("actionId", "verklaarVolledig"), ("version", version)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ingediend", (await StateAsync(id)));
    }

    [Fact]
    public async Task PostAction_WithStaleVersion_Returns409WithTheMessageAndTheNewState()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Hillesluis");
        using var loket = await SignedInAsync("rvo-loket");
        var page = await loket.GetStringAsync($"/zaken/{id}");
        // Meanwhile a colleague asks for completion.
        await CaseTestSteps.FireAsync(Factory, "rvo-loket", id, "verzoekHerstel", new { reason = "Bijlage ontbreekt" });

        var response = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("__RequestVerificationToken", Token(page)), ("actionId", "verklaarVolledig"), ("version", Version(page))));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("De zaak is intussen gewijzigd; bekijk de nieuwe stand en probeer opnieuw.", html, StringComparison.Ordinal);
        Assert.Contains(">Herstelverzoek uitstaand</span>", html, StringComparison.Ordinal);
        Assert.Equal("herstel", await StateAsync(id));
    }

    [Fact]
    public async Task PostHerstelverzoek_WithoutReason_Returns400WithTheErrorOnTheTextareaAndChangesNothing()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Carnisse");
        using var loket = await SignedInAsync("rvo-loket");
        var page = await loket.GetStringAsync($"/zaken/{id}");

        var response = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("__RequestVerificationToken", Token(page)), ("actionId", "verzoekHerstel"), ("version", Version(page)), ("reason", "  ")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Actie_verzoekHerstel_reason\">", html, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*id=\"Actie_verzoekHerstel_reason\"[^>]*aria-describedby=\"Actie_verzoekHerstel_reason-error\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("is een toelichting verplicht", html, StringComparison.Ordinal);
        Assert.Equal("ingediend", await StateAsync(id));
    }

    [Fact]
    public async Task PostHerstelverzoek_WithATermInDays_TheGemeenteGetsThatTerm_AndAWordIsAFieldError()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Tarwewijk");
        using var loket = await SignedInAsync("rvo-loket");
        var page = WebUtility.HtmlDecode(await loket.GetStringAsync($"/zaken/{id}"));
        Assert.Matches("<label class=\"utrecht-form-label\" for=\"Actie_verzoekHerstel_data_termijnDagen\">Hersteltermijn in dagen <span class=\"optional\">\\(niet verplicht\\)</span></label>", page);
        Assert.Contains("Leeg laten voor de standaardtermijn van 2 weken. Anders 7 tot en met 91 dagen.", page, StringComparison.Ordinal);

        var word = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("__RequestVerificationToken", Token(page)), ("actionId", "verzoekHerstel"), ("version", Version(page)), ("reason", "Bijlage ontbreekt."), ("data[termijnDagen]", "drie weken")));
        var refused = WebUtility.HtmlDecode(await word.Content.ReadAsStringAsync());
        var chosen = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("__RequestVerificationToken", Token(page)), ("actionId", "verzoekHerstel"), ("version", Version(page)), ("reason", "Bijlage ontbreekt."), ("data[termijnDagen]", "28")));

        Assert.Equal(HttpStatusCode.BadRequest, word.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Actie_verzoekHerstel_data_termijnDagen\">Vul een geheel getal in, bijvoorbeeld 14.</a>", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        using var gemeente = await SignedInAsync("rotterdam-aanvrager");
        var seen = WebUtility.HtmlDecode(await gemeente.GetStringAsync($"/zaken/{id}"));
        // 28 days from today, moved past a weekend or holiday by the Algemene termijnenwet like every term.
        await using var scope = Factory.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<Casework.Web.Features.Deadlines.LegalCalendar>().GetAsync(CaseworkWebFactory.Db(scope), CancellationToken.None);
        var due = Casework.Web.Features.Pages.NlFormat.Date(Casework.Domain.Time.Deadline.Start(id, Casework.Domain.Time.TermKinds.Hersteltermijn, Casework.Domain.Time.AmsterdamClock.Today(Clock), calendar, Casework.Domain.Time.TermLength.Days(28), null).CurrentDueDate);
        Assert.Contains($"Hersteltermijn: tot en met <strong>{due}</strong>", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHerstelverzoek_WithReason_RedirectsWithMessageAndTheGemeenteSeesTheHersteltermijn()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Oud-Charlois");
        using var loket = await SignedInAsync("rvo-loket");
        var page = await loket.GetStringAsync($"/zaken/{id}");
        Assert.Contains("hersteltermijn aanvulling aanvraag van 2 weken (Awb 4:5 lid 1)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var response = await loket.PostAsync($"/zaken/{id}?handler=Actie", Form(("__RequestVerificationToken", Token(page)), ("actionId", "verzoekHerstel"), ("version", Version(page)), ("reason", "De grondexploitatie ontbreekt.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/zaken/{id}", response.Headers.Location?.OriginalString);
        var after = WebUtility.HtmlDecode(await loket.GetStringAsync($"/zaken/{id}"));
        Assert.Contains("Herstelverzoek sturen: gelukt. De zaak heeft nu de status ‘Herstelverzoek uitstaand’.", after, StringComparison.Ordinal);
        Assert.Equal("herstel", await StateAsync(id));

        using var gemeente = await SignedInAsync("rotterdam-aanvrager");
        var seen = WebUtility.HtmlDecode(await gemeente.GetStringAsync($"/zaken/{id}"));
        Assert.Contains("De aanvraag moet worden aangevuld", seen, StringComparison.Ordinal);
        Assert.Contains("Wat ontbreekt: De grondexploitatie ontbreekt.", seen, StringComparison.Ordinal);
        Assert.Contains(">Opgeschort</span>", seen, StringComparison.Ordinal);
        Assert.Contains(">Aanvulling indienen</button>", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBesluit_PartialAwardWithoutReason_Returns400OnTheReasonFieldAndCommitsNothing()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Pendrecht");
        await CaseTestSteps.ToRankingAsync(Factory, id);
        using var vro = await SignedInAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync($"/zaken/{id}");
        Assert.Contains("<form method=\"post\" data-confirm=", page, StringComparison.Ordinal);
        Assert.Contains("?handler=Besluit", page, StringComparison.Ordinal);

        var response = await vro.PostAsync($"/zaken/{id}?handler=Besluit", Form(
            ("__RequestVerificationToken", Token(page)), ("version", Version(page, "Besluit")), ("outcome", "toekennen"), ("amount", "4.000.000"), ("sentDate", "2026-11-23"), ("reason", "")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#Besluit_reason\"", html, StringComparison.Ordinal);
        Assert.Contains("Een gedeeltelijke toekenning vermeldt de reden", html, StringComparison.Ordinal);
        Assert.Contains("value=\"4.000.000\"", html, StringComparison.Ordinal);
        Assert.Equal("rangschikking", await StateAsync(id));
    }

    [Fact]
    public async Task PostBesluit_FullAward_IsProposedAndTakesEffectWhenAColleagueConfirmsIt()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Lombardijen");
        await CaseTestSteps.ToRankingAsync(Factory, id);
        using var vro = await SignedInAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync($"/zaken/{id}");

        var response = await vro.PostAsync($"/zaken/{id}?handler=Besluit", Form(
            ("__RequestVerificationToken", Token(page)), ("version", Version(page)), ("outcome", "toekennen"), ("amount", "5.000.000"), ("sentDate", Today()), ("reason", "")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var proposed = WebUtility.HtmlDecode(await vro.GetStringAsync($"/zaken/{id}"));
        var stateAfterProposal = await StateAsync(id);
        using var colleague = await SignedInAsync("vro-beoordelaar-2");
        var colleaguePage = await colleague.GetStringAsync($"/zaken/{id}");
        var confirmed = await colleague.PostAsync($"/zaken/{id}?handler=VoorstelBevestigen", Form(
            ("__RequestVerificationToken", Token(colleaguePage)), ("version", Version(colleaguePage))));
        Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        var after = WebUtility.HtmlDecode(await colleague.GetStringAsync($"/zaken/{id}"));

        Assert.Contains("Uw voorstel ‘€\u00A05.000.000 toekennen’ staat klaar. Een collega bevestigt het besluit (vier-ogenprincipe); pas dan gaat het in.", proposed, StringComparison.Ordinal);
        Assert.Contains("Voorgesteld besluit: Toekennen", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=VoorstelBevestigen", proposed, StringComparison.Ordinal);
        Assert.Contains("Voorstel intrekken", proposed, StringComparison.Ordinal);
        Assert.Equal("rangschikking", stateAfterProposal);
        Assert.Contains("Mohammed Amrani stelde dit besluit voor", WebUtility.HtmlDecode(colleaguePage), StringComparison.Ordinal);
        Assert.Contains("Besluit voorgesteld: Toekennen (wacht op bevestiging door een collega)", proposed, StringComparison.Ordinal);
        Assert.DoesNotContain("zaak.voorstel", proposed, StringComparison.Ordinal);
        Assert.Contains("U heeft het besluit bevestigd; het is genomen. De zaak heeft nu de status ‘Toegekend, bezwaartermijn loopt’.", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"utrecht-table__header-cell\">Toekenning</th>", after, StringComparison.Ordinal);
        Assert.Equal("toegekend", await StateAsync(id));
        // The beschikking filed in the dossier shows in the timeline in words, not as its audit code.
        Assert.Contains("Document toegevoegd aan het dossier", after, StringComparison.Ordinal);
        Assert.DoesNotContain("document.toegevoegd", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostScores_WithAScoreOutOfRangeOrMissing_ShowsTheFieldErrorOrTheBrokenRuleWithItsSource()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Katendrecht");
        await CaseTestSteps.FireAsync(Factory, "rvo-loket", id, "verklaarVolledig");
        await CaseTestSteps.FireAsync(Factory, "vro-beoordelaar", id, "toelaten");
        using var committee = await SignedInAsync("commissie-wbi");
        var page = WebUtility.HtmlDecode(await committee.GetStringAsync($"/zaken/{id}"));
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"Scores_noodzaak\">Noodzaak (weging 30%)</label>", page, StringComparison.Ordinal);
        Assert.Contains("Advies uitbrengen</button>", page, StringComparison.Ordinal); // disabled until the scores are complete
        Assert.Contains("id=\"actie-adviseren-redenen\"", page, StringComparison.Ordinal);

        var missing = await committee.PostAsync($"/zaken/{id}?handler=Scores", Form(
            ("__RequestVerificationToken", Token(page)), ("score[noodzaak]", "8"), ("score[effectiviteit]", "7"), ("score[efficientie]", ""), ("score[urgentie]", "9"), ("advice", "Positief")));
        var outOfRange = await committee.PostAsync($"/zaken/{id}?handler=Scores", Form(
            ("__RequestVerificationToken", Token(page)), ("score[noodzaak]", "11"), ("score[effectiviteit]", "7"), ("score[efficientie]", "6"), ("score[urgentie]", "9"), ("advice", "Positief")));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("href=\"#Scores_efficientie\">Geef een score voor efficientie (1 tot en met 10).</a>", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outOfRange.StatusCode);
        var rule = WebUtility.HtmlDecode(await outOfRange.Content.ReadAsStringAsync());
        Assert.Matches("<strong>De score 11 voor 'noodzaak' ligt buiten het bereik 1-10.</strong>\\s*<span class=\"broken-rule__meta\">Regel SCORE-BUITEN-BEREIK · bron: [^<]{5,}</span>", rule);
        Assert.Contains("value=\"11\"", rule, StringComparison.Ordinal);
        Assert.Equal("beoordelingCommissie", await StateAsync(id));
    }

    [Fact]
    public async Task PostRecusal_ThenScores_RefusesTheScoreWithTheAwbRuleAndItsSource_AndTheChairsAdviceNeedsAReasonToDiffer()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Afrikaanderwijk");
        await CaseTestSteps.FireAsync(Factory, "rvo-loket", id, "verklaarVolledig");
        await CaseTestSteps.FireAsync(Factory, "vro-beoordelaar", id, "toelaten");
        await CaseTestSteps.AppointChairAsync(Factory, "TC-WBI", "commissie-wbi", "Hans Smit");
        using var member = await SignedInAsync("commissie-wbi-3");
        var page = WebUtility.HtmlDecode(await member.GetStringAsync($"/zaken/{id}"));
        Assert.DoesNotContain("Advies vastleggen", page, StringComparison.Ordinal); // not the chair

        var recusal = await member.PostAsync($"/zaken/{id}?handler=Recusal", Form(("__RequestVerificationToken", Token(page)), ("reason", "Mijn partner werkt bij de gemeente.")));
        var score = await member.PostAsync($"/zaken/{id}?handler=Scores", Form(
            ("__RequestVerificationToken", Token(page)), ("score[noodzaak]", "8"), ("score[effectiviteit]", "7"), ("score[efficientie]", "6"), ("score[urgentie]", "9")));

        Assert.Equal(HttpStatusCode.Redirect, recusal.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, score.StatusCode);
        Assert.Matches("Regel AWB-2:4-VERSCHONING · bron: Awb art\\. 2:4", WebUtility.HtmlDecode(await score.Content.ReadAsStringAsync()));

        using var chair = await SignedInAsync("commissie-wbi");
        var chairPage = WebUtility.HtmlDecode(await chair.GetStringAsync($"/zaken/{id}"));
        var scored = await chair.PostAsync($"/zaken/{id}?handler=Scores", Form(
            ("__RequestVerificationToken", Token(chairPage)), ("score[noodzaak]", "8"), ("score[effectiviteit]", "7"), ("score[efficientie]", "6"), ("score[urgentie]", "9")));
        chairPage = WebUtility.HtmlDecode(await chair.GetStringAsync($"/zaken/{id}"));
        var differs = await chair.PostAsync($"/zaken/{id}?handler=Advice", Form(("__RequestVerificationToken", Token(chairPage)), ("advice", "Positief"), ("agreedTotal", "8"), ("reason", "")));

        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        Assert.Contains("Gemiddelde van 1 lid: <strong>7,65</strong>; 1 verschoond, niet meegeteld", chairPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, differs.StatusCode);
        Assert.Contains("Regel COMMISSIE-AFWIJKING-ZONDER-REDEN", WebUtility.HtmlDecode(await differs.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDiagram_AsApplicant_MarksTheCurrentStateAndGivesTheMermaidSource()
    {
        var (id, reference) = await CaseTestData.SubmittedWbiApplicationAsync(Factory, projectName: "Zuidplein");
        using var gemeente = await SignedInAsync("rotterdam-aanvrager");

        var response = await gemeente.GetAsync($"/zaken/{id}/diagram");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Werkproces van zaak {reference}", html, StringComparison.Ordinal);
        var current = Regex.Matches(html, "aria-current=\"step\" id=\"status-([a-zA-Z]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["ingediend"], current);
        Assert.Matches("id=\"status-ingediend\">\\s*<p class=\"workflow-state__name\">\\s*<strong>Ingediend</strong>\\s*<span[^>]*>huidige status</span>", html);
        Assert.Contains("Herstelverzoek sturen → <a class=\"utrecht-link\" href=\"#status-herstel\">Herstelverzoek uitstaand</a>", html, StringComparison.Ordinal);
        Assert.Contains("stateDiagram-v2", html, StringComparison.Ordinal);
        Assert.Contains("class ingediend current", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var picker = await client.GetStringAsync("/dev/sign-in");
        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(picker)), ("user", user), ("returnUrl", "/")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<string> StateAsync(Guid id)
    {
        using var auditor = await CaseTestData.ApiAsync(Factory, "auditor");
        return (await auditor.GetCaseAsync(id)).GetProperty("state").GetString()!;
    }

    private TimeProvider Clock => Factory.Services.GetRequiredService<TimeProvider>();

    private string Today() => Casework.Domain.Time.AmsterdamClock.Today(Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>The case version the page's forms carry (all forms of one rendering carry the same).</summary>
    private static string Version(string html, string? _ = null) => VersionPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">")]
    private static partial Regex VersionPattern();
}
