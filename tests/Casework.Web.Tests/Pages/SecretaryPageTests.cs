using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using static Casework.Web.Tests.Pages.SecretarySetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The secretary's pages over HTTP (no browser): who may open them, antiforgery, and how refusals of the meeting
/// commands reach the form (field errors linked from the error summary, nothing written).
/// </summary>
public sealed class SecretaryPageTests : IAsyncLifetime
{
    // A fake clock standing still at the test's start: the meetings planned "today" are on the app's today.
    private readonly CaseworkWebFactory _factory = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/vergaderingen")]
    [InlineData("/escalaties")]
    public async Task SecretaryPages_WhenGemeenteUser_Return403WithExplanation(string path)
    {
        using var client = await PageClientAsync(Client, "rotterdam-aanvrager");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Geen toegang</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"nl-paragraph\">{Casework.Web.Features.Pages.PageAccess.ForSecretariesAndReviewers}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_WhenUnknownId_Returns404()
    {
        using var client = await PageClientAsync(Client, SbsdSecretary);

        var response = await client.GetAsync($"/vergaderingen/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MeetingList_ForSbsdSecretary_StartsOnOwnBodyAndLinksTheMeeting()
    {
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD lijsttest");
        using var client = await PageClientAsync(Client, SbsdSecretary);

        var html = await client.GetStringAsync("/vergaderingen");

        Assert.Contains($"href=\"/vergaderingen/{meeting}\">SBSD lijsttest</a>", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"SBSD\" selected>", html);
    }

    [Fact]
    public async Task Plannen_WithoutDate_Returns400WithFieldError_WithDate_PlansAndOpensTheMeeting()
    {
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var page = await client.GetStringAsync("/vergaderingen");

        var refused = await client.PostAsync("/vergaderingen?handler=Plannen", Form(("__RequestVerificationToken", Token(page)), ("Plan.Date", string.Empty), ("Plan.Title", "Zonder datum")));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var planned = await client.PostAsync("/vergaderingen?handler=Plannen", Form(("__RequestVerificationToken", Token(page)), ("Plan.Date", "2027-01-14"), ("Plan.Title", "SBSD januari")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#Plan_Date\">Geef de vergaderdatum.</a>", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var meetingPage = await client.GetStringAsync(planned.Headers.Location!.OriginalString);
        Assert.Contains("SBSD januari", meetingPage, StringComparison.Ordinal);
        Assert.Contains("14 januari 2027", meetingPage, StringComparison.Ordinal);
        Assert.Contains("7 januari 2027", meetingPage, StringComparison.Ordinal); // SBSD agenda closes a week before
    }

    [Fact]
    public async Task Agenderen_WithoutAntiforgeryToken_Returns400AndAddsNothing()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Antiforgery-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD antiforgery");
        using var client = await PageClientAsync(Client, SbsdSecretary);

        var response = await client.PostAsync($"/vergaderingen/{meeting}?handler=Agenderen", Form(("Input.CaseId", knelpunt.Id.ToString())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await MeetingAsync(meeting)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Agenderen_WithoutCase_Returns400WithFieldErrorLinkedFromSummary()
    {
        await KnelpuntReadyForSbsdAsync(_factory, "Veldfout-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD veldfout");
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var page = await client.GetStringAsync($"/vergaderingen/{meeting}");

        var response = await client.PostAsync($"/vergaderingen/{meeting}?handler=Agenderen", Form(("__RequestVerificationToken", Token(page)), ("Input.CaseId", string.Empty)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_CaseId\">Geef de zaak (caseId) die op de agenda komt.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_CaseId\" name=\"Input.CaseId\" aria-describedby=\"Input_CaseId-hint Input_CaseId-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Empty((await MeetingAsync(meeting)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Agenderen_WithReadyKnelpunt_AddsItemFiresAgenderingAndRedirectsWithMessage()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Agenderen-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD agenderen");
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var page = await client.GetStringAsync($"/vergaderingen/{meeting}");
        Assert.Contains($"<option value=\"{knelpunt.Id}\">{knelpunt.Reference}: Agenderen-knelpunt", page, StringComparison.Ordinal);

        var response = await client.PostAsync($"/vergaderingen/{meeting}?handler=Agenderen", Form(("__RequestVerificationToken", Token(page)), ("Input.CaseId", knelpunt.Id.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/vergaderingen/{meeting}", response.Headers.Location?.OriginalString);
        var after = await client.GetStringAsync($"/vergaderingen/{meeting}");
        Assert.Contains($"Zaak {knelpunt.Reference} staat als punt 1 op de agenda.", after, StringComparison.Ordinal);
        var item = Assert.Single((await MeetingAsync(meeting)).GetProperty("items").EnumerateArray());
        Assert.Equal(knelpunt.Id, item.GetProperty("caseId").GetGuid());
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        Assert.Equal("geagendeerdSbsd", (await sbsd.GetCaseAsync(knelpunt.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task WorkQueue_OfTheLeadDepartment_ShowsTheKnelpuntWaitingAtTheSbsdOnlyWhenAskedFor()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Trekker-knelpunt");
        using var vro = await PageClientAsync(Client, "vro-beoordelaar");

        var own = WebUtility.HtmlDecode(await vro.GetStringAsync("/werkvoorraad?soort=knelpunt"));
        var led = WebUtility.HtmlDecode(await vro.GetStringAsync("/werkvoorraad?soort=knelpunt&trekker=true"));

        Assert.DoesNotContain(knelpunt.Reference, own, StringComparison.Ordinal);
        Assert.Contains($"href=\"/zaken/{knelpunt.Id}\">Trekker-knelpunt</a>", led, StringComparison.Ordinal);
        Assert.Contains("id=\"filter-trekker\" name=\"trekker\" value=\"true\" checked=\"checked\"", led, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sluiten_AfterTheMeeting_ClosesItAndMovesTheItemWithoutDecisionToTheNextMeeting()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Sluiten-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD sluiten");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/vergaderingen/{meeting}"));
        Assert.Contains("1 punt heeft nog geen besluit en gaat met de geschiedenis naar de volgende vergadering van", page, StringComparison.Ordinal);
        Assert.Matches("<form method=\"post\" data-confirm=\"[^\"]+\" action=\"/vergaderingen/" + meeting + "\\?handler=Sluiten\">", page);

        var response = await client.PostAsync($"/vergaderingen/{meeting}?handler=Sluiten", Form(("__RequestVerificationToken", Token(page))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync($"/vergaderingen/{meeting}"));
        Assert.Contains("De vergadering is gesloten. 1 punt zonder besluit staat nu op de agenda van de volgende vergadering.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Sluiten", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Agenderen", after, StringComparison.Ordinal);
        var closed = await MeetingAsync(meeting);
        Assert.Equal("Gesloten", closed.GetProperty("status").GetString());
        var moved = Assert.Single(closed.GetProperty("items").EnumerateArray());
        Assert.Equal(item, moved.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.String, moved.GetProperty("nextItemId").ValueKind);
    }

    [Fact]
    public async Task Sluiten_BeforeTheMeetingWasHeld_IsNotOfferedAndRefusedWithTheRule()
    {
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        var planned = await sbsd.PostAsJsonAsync("/api/v1/meetings", new { body = "SBSD", date = "2099-01-15", title = "SBSD later" });
        var meeting = (await planned.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var page = await client.GetStringAsync($"/vergaderingen/{meeting}");

        var response = await client.PostAsync($"/vergaderingen/{meeting}?handler=Sluiten", Form(("__RequestVerificationToken", Token(page))));

        Assert.DoesNotContain("handler=Sluiten", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("VERGADERING-NIET-GEHOUDEN", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Gepland", (await MeetingAsync(meeting)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RecordDecision_AfsluitenWithoutResultaat_Returns400OnTheDataFieldAndChangesNothing()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Besluitfout-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD besluitfout");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var path = $"/vergaderingen/{meeting}/agendapunten/{item}/besluit";
        var form = await client.GetStringAsync(path);
        Assert.Contains("<option value=\"sbsdBesluitAfsluiten\">Besluit SBSD, afsluiten</option>", form, StringComparison.Ordinal);

        var response = await client.PostAsync(path, Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Action", "sbsdBesluitAfsluiten"),
            ("Input.Besluit", "Het SBSD sluit het knelpunt."),
            ("Input.Reason", "Geen knelpunt in de regelgeving."),
            ("Input.Data[resultaat]", string.Empty)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#Input_Data_resultaat_\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Data_resultaat_\" name=\"Input.Data[resultaat]\"", html, StringComparison.Ordinal);
        Assert.Equal("Open", Assert.Single((await MeetingAsync(meeting)).GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        Assert.Equal("geagendeerdSbsd", (await sbsd.GetCaseAsync(knelpunt.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task RecordDecision_WithoutBesluitAndWithHalfActionItem_Returns400PerField()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Actiepuntfout-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD actiepuntfout");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var path = $"/vergaderingen/{meeting}/agendapunten/{item}/besluit";
        var form = await client.GetStringAsync(path);

        // Only the second action-item row is filled in (without owner): its error must land on that row, not the first.
        var response = await client.PostAsync(path, Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Action", "sbsdEscaleren"),
            ("Input.Besluit", string.Empty),
            ("Input.Reason", "Niet op te lossen binnen het SBSD."),
            ("Input.ActionItems[0].Description", string.Empty),
            ("Input.ActionItems[0].Owner", string.Empty),
            ("Input.ActionItems[0].DueDate", string.Empty),
            ("Input.ActionItems[1].Description", "Notitie voor de BRSD"),
            ("Input.ActionItems[1].Owner", string.Empty),
            ("Input.ActionItems[1].DueDate", "2026-12-31")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#Input_Besluit\">Geef de tekst van het besluit voor de besluitenlijst.</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_ActionItems_1__Owner\">Geef de eigenaar van het actiepunt.</a>", html, StringComparison.Ordinal);
        Assert.Equal("Open", Assert.Single((await MeetingAsync(meeting)).GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RecordDecision_Escaleren_MovesCaseRecordsActionItemAndShowsItOnTheMeetingPage()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Besluit-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD besluit");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var path = $"/vergaderingen/{meeting}/agendapunten/{item}/besluit";
        var form = await client.GetStringAsync(path);

        var response = await client.PostAsync(path, Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Action", "sbsdEscaleren"),
            ("Input.Besluit", "Het SBSD legt het knelpunt voor aan de BRSD."),
            ("Input.Reason", "Niet op te lossen binnen het SBSD."),
            ("Input.ActionItems[0].Description", "Notitie voor de BRSD"),
            ("Input.ActionItems[0].Owner", "VRO"),
            ("Input.ActionItems[0].DueDate", "2026-12-31")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync($"/vergaderingen/{meeting}");
        Assert.Contains("Het SBSD legt het knelpunt voor aan de BRSD.", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"utrecht-table__cell\">Notitie voor de BRSD</td>", html, StringComparison.Ordinal);
        Assert.Contains("31 december 2026", html, StringComparison.Ordinal);
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        Assert.Equal("escalatieBrsd", (await sbsd.GetCaseAsync(knelpunt.Id)).GetProperty("state").GetString());
        var csv = await client.GetStringAsync($"/api/v1/meetings/{meeting}/besluitenlijst.csv");
        Assert.Contains("Het SBSD legt het knelpunt voor aan de BRSD.", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_OfAKnelpunt_ShowsItsContentBeforeTheActionsAndTheMeetingsBesluitText()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Inhoud-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD inhoud");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, SbsdSecretary);
        var before = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/zaken/{knelpunt.Id}"));
        var path = $"/vergaderingen/{meeting}/agendapunten/{item}/besluit";
        var form = await client.GetStringAsync(path);
        var decided = await client.PostAsync(path, Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Action", "sbsdEscaleren"),
            ("Input.Besluit", "Het SBSD legt het knelpunt met een notitie voor aan de BRSD."),
            ("Input.Reason", "Niet op te lossen binnen het SBSD.")));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/zaken/{knelpunt.Id}"));

        // What it is about, in the users' words, before what can be done with it.
        Assert.Contains("Inwoners die een woning delen verliezen hun toeslag, waardoor schuldhulp vastloopt.", before, StringComparison.Ordinal);
        Assert.Matches("<a class=\"utrecht-link\" href=\"https://wetten.overheid.nl/BWBR0015703\" rel=\"noopener\">Participatiewet</a>\\s*, artikel 22a", before);
        Assert.Contains("Kostendelersnorm niet toepassen tijdens een schuldhulptraject.", before, StringComparison.Ordinal);
        Assert.Contains(">Schulden en armoede</dd>", before, StringComparison.Ordinal);
        Assert.DoesNotContain(">schulden<", before, StringComparison.Ordinal);
        Assert.True(before.IndexOf("id=\"inhoud-titel\"", StringComparison.Ordinal) < before.IndexOf("id=\"acties-titel\"", StringComparison.Ordinal), "the content comes before the actions");
        // The meeting's besluit, with its own text, on the case.
        Assert.Contains("data-testid=\"meeting-decisions\"", html, StringComparison.Ordinal);
        Assert.Contains("Het SBSD legt het knelpunt met een notitie voor aan de BRSD.", html, StringComparison.Ordinal);
        Assert.Contains("SBSD inhoud", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_OfAVastloper_ShowsItsContentWithTheFocusgebiedsName()
    {
        using var alliance = await _factory.SignInAsync("alliantie-rotterdam-zuid");
        var raised = await alliance.PostAsJsonAsync("/api/v1/vastlopers", new
        {
            titel = "Sloopvergunning wacht op advies",
            omschrijving = "De herstructurering staat stil omdat het advies al een jaar uitblijft.",
            focusgebied = "rotterdam-zuid",
            besprokenInOverlegDate = "2026-02-20",
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, raised);
        var id = (await raised.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var client = await PageClientAsync(Client, "alliantie-rotterdam-zuid");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/zaken/{id}"));

        Assert.Contains("De herstructurering staat stil omdat het advies al een jaar uitblijft.", html, StringComparison.Ordinal);
        Assert.Contains("20 februari 2026", html, StringComparison.Ordinal);
        Assert.Matches(">Focusgebied</dt>\\s*<dd class=\"utrecht-data-list__item-value\">Rotterdam[^<]*</dd>", html);
        Assert.DoesNotContain(">rotterdam-zuid<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordDecision_ByReviewerWhoSeesTheCase_Returns403AndTheFormIsNotShown()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Vreemd-secretariaat-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD vreemd");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, "vro-beoordelaar");

        var response = await client.GetAsync($"/vergaderingen/{meeting}/agendapunten/{item}/besluit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Input.Besluit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordDecision_ByOtherBodysSecretaryWhoCannotSeeTheCase_Returns404()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Onzichtbaar-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD onzichtbaar");
        var item = await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        using var client = await PageClientAsync(Client, "brsd-secretaris");

        var response = await client.GetAsync($"/vergaderingen/{meeting}/agendapunten/{item}/besluit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EscalationBoard_ListsAgendaKnelpuntUnderSbsdAndFiltersOnLevel()
    {
        var knelpunt = await KnelpuntReadyForSbsdAsync(_factory, "Bord-knelpunt");
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD bord");
        await AddToAgendaAsync(_factory, meeting, knelpunt.Id);
        var other = await KnelpuntReadyForSbsdAsync(_factory, "Tweede bord-knelpunt");
        using var client = await PageClientAsync(Client, SbsdSecretary);

        var all = await client.GetStringAsync("/escalaties");
        var onlyBrsd = await client.GetStringAsync("/escalaties?Niveau=BRSD");

        Assert.Contains($"href=\"/zaken/{knelpunt.Id}\">{knelpunt.Reference}</a>", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/zaken/{other.Id}\">{other.Reference}</a>", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"/vergaderingen/{meeting}\" aria-label=\"Geagendeerd: vergadering van {knelpunt.Reference}\"", all, StringComparison.Ordinal);
        Assert.Contains("id=\"niveau-sbsd\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain(knelpunt.Reference, onlyBrsd, StringComparison.Ordinal);
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<JsonElement> MeetingAsync(Guid id)
    {
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        return await sbsd.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
    }
}
