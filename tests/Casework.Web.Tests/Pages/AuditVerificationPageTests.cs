using System.Net;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// <c>/audittrail</c> over HTTP: the auditor and the Beheerder read the hash-chain check in words (intact, or each
/// break with the case's zaaknummer instead of its stream id) and may record a checkpoint; anyone else gets the 403 page.
/// </summary>
public sealed class AuditVerificationPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();
    private Guid _case;
    private string _reference = string.Empty;

    public async Task InitializeAsync() => (_case, _reference) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, await CaseTestData.AnnounceOpenWbiRoundAsync(_factory));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("auditor")]
    [InlineData("beheerder")]
    public async Task AuditorAndBeheerder_ReadThatTheTrailIsIntact_AndFindThePageInTheMenu(string user)
    {
        using var client = await BrowserAsync(_factory, user);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/audittrail"));
        var home = await client.GetStringAsync("/");

        Assert.Contains("De audittrail is intact", html, StringComparison.Ordinal);
        Assert.Contains("utrecht-alert--ok", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/audittrail\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedEvent_IsShownAsABreakInTheCaseByItsZaaknummer()
    {
        await using (var scope = _factory.CreateScope())
        {
            await CaseworkWebFactory.Db(scope).Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Reason = 'Iets anders' WHERE ObjectId = {0} AND Sequence = 1", _case.ToString());
        }

        using var auditor = await BrowserAsync(_factory, "auditor");
        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/audittrail"));

        Assert.Contains("De audittrail is niet intact", html, StringComparison.Ordinal);
        Assert.Contains("utrecht-alert--error", html, StringComparison.Ordinal);
        Assert.Contains($"zaak {_reference}", html, StringComparison.Ordinal);
        Assert.Contains("Gebeurtenis 1 is gewijzigd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("case:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_RecordedOnThePage_IsTheLatestCheckpointAfterwards()
    {
        using var auditor = await BrowserAsync(_factory, "auditor");
        var page = await auditor.GetStringAsync("/audittrail");

        var posted = await auditor.PostAsync("/audittrail?handler=Controlepunt", Form(("__RequestVerificationToken", Token(page))));
        var after = WebUtility.HtmlDecode(await auditor.GetStringAsync("/audittrail"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("is vastgelegd op", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Er is nog geen controlepunt vastgelegd", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rotterdam-aanvrager")]
    [InlineData("vro-beoordelaar")]
    public async Task OtherRoles_GetTheDeniedPage(string user)
    {
        using var client = await BrowserAsync(_factory, user);

        var response = await client.GetAsync("/audittrail");
        var denied = await response.Content.ReadAsStringAsync();
        var posted = await client.PostAsync("/audittrail?handler=Controlepunt", Form(("__RequestVerificationToken", Token(denied))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("voor auditors en beheerders", WebUtility.HtmlDecode(denied), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
    }
}
