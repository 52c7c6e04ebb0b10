using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Casework.Domain.Time;
using Casework.Web.Features.AfterAward;
using Casework.Web.Features.Pages;
using Casework.Web.Features.WorkQueue;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The start page (<c>/</c>) shows per role the counts that matter for a seeded situation, and every count agrees with
/// the list it links to: following the link shows exactly that many rows. Counts are scoped as the lists are (another
/// gemeente's cases are not counted). Amounts never break between the euro sign and the number.
/// </summary>
public sealed partial class StartPageTests(StartPageFixture fixture) : IClassFixture<StartPageFixture>
{
    private readonly CaseworkWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task Gemeente_SeesItsConceptsTurnHerstelAndDecisions_AndEachCountIsItsList()
    {
        using var rotterdam = await GemeentePageSetup.BrowserAsync(_factory, "rotterdam-aanvrager");

        var counts = await CountsAsync(rotterdam, "gemeente");

        // One draft, one application in herstel (both the gemeente's turn), one not admitted this month (a besluit);
        // Amsterdam's application is not counted.
        Assert.Equal(1, counts["concept"].Count);
        Assert.Equal(2, counts["aan-zet"].Count);
        Assert.Equal(1, counts["hersteltermijn"].Count);
        Assert.Equal(1, counts["besloten-deze-maand"].Count);
        await AssertEachCountIsItsListAsync(rotterdam, counts);
    }

    [Fact]
    public async Task Gemeente_CountsOnlyItsOwnCases()
    {
        using var amsterdam = await GemeentePageSetup.BrowserAsync(_factory, "amsterdam-aanvrager");

        var counts = await CountsAsync(amsterdam, "gemeente");

        Assert.Equal(0, counts["concept"].Count);
        Assert.Equal(0, counts["aan-zet"].Count);
        Assert.Equal(0, counts["hersteltermijn"].Count);
        Assert.Equal(0, counts["besloten-deze-maand"].Count);
        await AssertEachCountIsItsListAsync(amsterdam, counts);
    }

    [Fact]
    public async Task Loket_SeesUnassignedMineOverdueAndDueWithinFiveWorkingDays_AndEachCountIsItsList()
    {
        using var loket = await GemeentePageSetup.BrowserAsync(_factory, "rvo-loket");

        var counts = await CountsAsync(loket, "werkvoorraad");

        Assert.Equal(["zonder-behandelaar", "mijn-zaken", "verlopen", "werkdagen"], counts.Keys);
        Assert.Equal(1, counts["mijn-zaken"].Count); // Amsterdam's application, which the loket took
        Assert.True(counts["zonder-behandelaar"].Count >= 1, "Rotterdam's submitted application waits at the loket without a behandelaar.");
        await AssertEachCountIsItsListAsync(loket, counts);
        // The colleague took nothing: the same page says so for them.
        using var colleague = await GemeentePageSetup.BrowserAsync(_factory, "rvo-loket-2");
        Assert.Equal(0, (await CountsAsync(colleague, "werkvoorraad"))["mijn-zaken"].Count);
    }

    [Fact]
    public async Task Reviewer_SeesTheDepartmentsWorkQueue_AndEachCountIsItsList()
    {
        using var vro = await GemeentePageSetup.BrowserAsync(_factory, "vro-beoordelaar");

        var counts = await CountsAsync(vro, "werkvoorraad");

        Assert.Contains("Werkvoorraad van", await vro.GetStringAsync("/"), StringComparison.Ordinal);
        await AssertEachCountIsItsListAsync(vro, counts);
    }

    [Fact]
    public async Task Secretary_SeesTheNextMeetingItsAgendaAndOpenActionItems_AndEachCountIsItsList()
    {
        using var sbsd = await GemeentePageSetup.BrowserAsync(_factory, SecretarySetup.SbsdSecretary);

        var html = WebUtility.HtmlDecode(await sbsd.GetStringAsync("/"));
        var counts = await CountsAsync(sbsd, "secretariaat");

        Assert.Contains($"Volgende vergadering: {StartPageSetup.MeetingTitle} op {NlFormat.Date(SecretarySetup.Today(_factory))}.", html, StringComparison.Ordinal);
        Assert.Equal(1, counts["agendapunten"].Count);
        Assert.Equal(1, counts["actiepunten"].Count);
        await AssertEachCountIsItsListAsync(sbsd, counts);
        // Another body's secretary counts none of the SBSD's action items.
        using var brsd = await GemeentePageSetup.BrowserAsync(_factory, "brsd-secretaris");
        Assert.Equal(0, (await CountsAsync(brsd, "secretariaat"))["actiepunten"].Count);
    }

    [Fact]
    public async Task CommitteeMember_SeesWhatWaitsForTheirScore_AndTheCountIsTheList()
    {
        using var member = await GemeentePageSetup.BrowserAsync(_factory, "commissie-wbi");

        var counts = await CountsAsync(member, "commissie");

        Assert.Equal(1, counts["te-scoren"].Count);
        var list = await member.GetStringAsync(counts["te-scoren"].Href);
        Assert.Equal(1, Rows(list));
    }

    [Fact]
    public async Task Beheerder_SeesRoundsOpenOrOpeningAndDeadLetters_AndEachCountIsItsList()
    {
        using var beheerder = await GemeentePageSetup.BrowserAsync(_factory, "beheerder");

        var counts = await CountsAsync(beheerder, "beheer");

        Assert.True(counts["rondes"].Count >= 2, "The two rounds announced for the test are open.");
        await AssertEachCountIsItsListAsync(beheerder, counts);
        var all = Rows(await beheerder.GetStringAsync("/rondes"));
        Assert.True(all > counts["rondes"].Count, "The seeded closed rounds are not counted as open.");
    }

    [Fact]
    public async Task Auditor_SeesOpenCasesAndTheAuditCheckpoint_AndEachCountIsItsList()
    {
        using var auditor = await GemeentePageSetup.BrowserAsync(_factory, "auditor");

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/"));
        var counts = await CountsAsync(auditor, "audit");

        Assert.Contains("controlepunt van de audittrail", html, StringComparison.Ordinal);
        Assert.True(counts["open-zaken"].Count >= 4, "Every open case counts for the auditor, of every organisation.");
        await AssertEachCountIsItsListAsync(auditor, counts);
    }

    [Fact]
    public async Task UserWithSeveralRoles_GetsASectionPerRole()
    {
        // SZW's beoordelaar is also its rijksvertegenwoordiger: one werkvoorraad (the organisation's), not two.
        using var szw = await GemeentePageSetup.BrowserAsync(_factory, "szw-beoordelaar");

        var html = await szw.GetStringAsync("/");

        Assert.Single(SectionPattern().Matches(html), m => m.Groups[1].Value == "werkvoorraad");
    }

    [Fact]
    public async Task Anonymous_SeesNoCounts()
    {
        using var anonymous = _factory.CreateClient();

        var html = await anonymous.GetStringAsync("/");

        Assert.DoesNotContain("data-telling", html, StringComparison.Ordinal);
        Assert.Contains("Aanmelden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WriteNoAmountWithABreakableSpaceAfterTheEuroSign()
    {
        using var beheerder = await GemeentePageSetup.BrowserAsync(_factory, "beheerder");

        foreach (var path in new[] { "/rondes", "/rondes/" + fixture.Round })
        {
            var html = WebUtility.HtmlDecode(await beheerder.GetStringAsync(path));
            Assert.Contains("€\u00A0", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(BreakableEuroPattern(), html);
        }
    }

    /// <summary>The counts of one section of the start page, by their key, in the order shown.</summary>
    private static async Task<Dictionary<string, (int Count, string Href)>> CountsAsync(HttpClient client, string section)
    {
        var html = await client.GetStringAsync("/");
        var part = SectionPattern().Matches(html).SingleOrDefault(m => m.Groups[1].Value == section);
        Assert.True(part is not null, $"The start page has no section '{section}'.");
        var counts = new Dictionary<string, (int, string)>();
        foreach (Match m in CountPattern().Matches(part!.Value))
        {
            counts[m.Groups["key"].Value] = (int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups["href"].Value));
        }

        Assert.NotEmpty(counts);
        return counts;
    }

    private static async Task AssertEachCountIsItsListAsync(HttpClient client, Dictionary<string, (int Count, string Href)> counts)
    {
        foreach (var (key, (count, href)) in counts)
        {
            var response = await client.GetAsync(href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{key}: {href} answered {(int)response.StatusCode}.");
            Assert.True(count == Rows(await response.Content.ReadAsStringAsync()), $"{key}: the start page says {count}, {href} lists another number of rows.");
        }
    }

    /// <summary>The rows of the page's list: the case list's table if there is one, else the first table in main (none: 0).</summary>
    private static int Rows(string html)
    {
        var main = html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..];
        var caseList = main.IndexOf("<table class=\"utrecht-table case-list\"", StringComparison.Ordinal);
        var start = caseList >= 0 ? caseList : main.IndexOf("<table", StringComparison.Ordinal);
        if (start < 0)
        {
            return 0;
        }

        var table = main[start..main.IndexOf("</table>", start, StringComparison.Ordinal)];
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        return Regex.Count(body, "<tr[ >]");
    }

    [GeneratedRegex("<section class=\"start-section\"[^>]*data-start=\"([^\"]+)\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex("href=\"(?<href>[^\"]+)\" data-telling=\"(?<key>[^\"]+)\" data-aantal=\"(?<n>\\d+)\"")]
    private static partial Regex CountPattern();

    [GeneratedRegex("€[ \\t\\r\\n]+\\d")]
    private static partial Regex BreakableEuroPattern();
}

/// <summary>The rules beside the start page that need no app: working days on the legal clock, and amounts that do not wrap.</summary>
public sealed class StartPageRuleTests
{
    [Fact]
    public void WorkingDaysEnd_OverChristmas_SkipsTheWeekendAndTheHolidays()
    {
        // Wednesday 23 December 2026: Thursday 24, (Christmas on Friday 25, Saturday 26 = 2nd Christmas, Sunday),
        // Monday 28, Tuesday 29, Wednesday 30, Thursday 31: the fifth working day is the 31st.
        var end = CaseSelections.WorkingDaysEnd(new DateOnly(2026, 12, 23), DutchCalendar.HolidaysOnly);

        Assert.Equal(new DateOnly(2026, 12, 31), end);
    }

    [Fact]
    public void Money_KeepsTheEuroSignAndTheNumberTogether()
    {
        Assert.Equal("€\u00A01.234,50", NlFormat.Money(1234.5m));
        Assert.Equal("€\u00A05.000.000", NlFormat.Money(5_000_000m));
        Assert.Equal("€\u00A01.234,00", AfterAwardLabels.Money(1234m));
    }
}

/// <summary>One app and one seeded situation for every start-page test: they only read.</summary>
public sealed class StartPageFixture : IAsyncLifetime
{
    // Every test signs in several users; the sign-in rate limit is not what these tests are about.
    public CaseworkWebFactory Factory { get; } = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow), Settings = { ["WebSecurity:SignInPermitLimit"] = "10000" } };

    public Guid Round { get; private set; }

    public async Task InitializeAsync() => Round = await StartPageSetup.SeedAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The seeded situation of the start-page tests, made through the API as its users would: two open WBI rounds; for
/// Rotterdam a draft, an application in herstel, one waiting at the loket and one VRO did not admit this month (a besluit); for Amsterdam an
/// application the RVO loket took; a knelpunt the SBSD decided on today with one action item; and an application that
/// waits for the WBI committee's scores.
/// </summary>
internal static class StartPageSetup
{
    public const string MeetingTitle = "SBSD overleg startpagina";

    /// <summary>Seeds the situation; returns the first round's id.</summary>
    public static async Task<Guid> SeedAsync(CaseworkWebFactory factory)
    {
        var round = await CaseTestData.AnnounceOpenWbiRoundAsync(factory);
        var second = await CaseTestData.AnnounceOpenWbiRoundAsync(factory);
        var today = SecretarySetup.Today(factory).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await GemeentePageSetup.CreateDraftAsync(factory, "rotterdam-aanvrager", GemeentePageSetup.WbiApplication(round, "Concept Kop van Zuid"));
        var (herstel, _) = await CaseTestData.SubmittedWbiApplicationAsync(factory, round, "rotterdam-aanvrager", "Herstel Feijenoord");
        await CaseTestSteps.FireAsync(factory, "rvo-loket", herstel, "verzoekHerstel", new { reason = "De grondexploitatie ontbreekt." });
        var (outOfScope, _) = await CaseTestData.SubmittedWbiApplicationAsync(factory, second, "rotterdam-aanvrager", "Charlois onvolledig");
        await CaseTestSteps.FireAsync(factory, "rvo-loket", outOfScope, "verklaarVolledig");
        await CaseTestSteps.FireAsync(factory, "vro-beoordelaar", outOfScope, "nietToelaten", new { reason = "Valt buiten de regeling.", data = new { verzenddatum = today } });

        await CaseTestData.SubmittedWbiApplicationAsync(factory, second, "rotterdam-aanvrager", "Delfshaven wacht op het loket");
        var (amsterdam, _) = await CaseTestData.SubmittedWbiApplicationAsync(factory, round, "amsterdam-aanvrager", "Amsterdam Nieuw-West");
        using (var loket = await CaseTestData.ApiAsync(factory, "rvo-loket"))
        {
            var version = (await loket.GetCaseAsync(amsterdam)).GetProperty("version").GetInt32();
            using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{amsterdam}/behandelaar/claim");
            claim.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await loket.SendAsync(claim));
        }

        // An application of Weert before the WBI committee, not scored yet.
        var (scoring, _) = await CaseTestData.SubmittedWbiApplicationAsync(factory, second, "weert-aanvrager", "Weert centrum");
        await CaseTestSteps.FireAsync(factory, "rvo-loket", scoring, "verklaarVolledig");
        await CaseTestSteps.FireAsync(factory, "vro-beoordelaar", scoring, "toelaten");

        var knelpunt = await SecretarySetup.KnelpuntReadyForSbsdAsync(factory, "Kostendelersnorm startpagina");
        var meeting = await SecretarySetup.PlanSbsdMeetingTodayAsync(factory, MeetingTitle);
        var item = await SecretarySetup.AddToAgendaAsync(factory, meeting, knelpunt.Id);
        using var sbsd = await factory.SignInAsync(SecretarySetup.SbsdSecretary);
        var decided = await sbsd.PostAsJsonAsync($"/api/v1/meetings/{meeting}/agenda-items/{item}/decision", new
        {
            action = "sbsdEscaleren",
            besluit = "Het SBSD legt het knelpunt voor aan de BRSD.",
            reason = "Vraagt een bestuurlijke afweging.",
            actionItems = new[] { new { description = "Notitie voor de BRSD", owner = "VRO", dueDate = SecretarySetup.Today(factory).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        });
        await HttpAssert.StatusAsync(HttpStatusCode.OK, decided);
        return round;
    }
}
