using System.Net;
using System.Net.Http.Json;
using Casework.Domain.Delivery;
using Casework.Web.Tests.Applications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Delivery;

/// <summary>The delivery pages over HTTP as a browser sends them (cookie, antiforgery token), on the embedded default (.eml files).</summary>
public sealed class DeliveryPageTests : IAsyncLifetime
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "casework-tests", "eml-" + Guid.NewGuid().ToString("N"));
    private ApplicationsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApplicationsHost(DeliveryHost.Start, settings: DeliveryHost.Settings(new Dictionary<string, string> { ["Delivery:Smtp:PickupDirectory"] = _pickup }, maxAttempts: 1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutSmtpHost_TheHerstelverzoekIsAnEmlFile_ShownOnVerzondenBerichten_AndOnTheCaseTimelineAsDelivered()
    {
        using var beheerder = await BrowserAsync(Factory, "beheerder");
        var form = await beheerder.GetStringAsync("/beheer/mailboxen");
        var refused = await beheerder.PostAsync("/beheer/mailboxen", Form(("__RequestVerificationToken", Token(form)), ("Input.Organisation", "GM0599"), ("Input.Address", "geen adres")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Geef één e-mailadres", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await _host.DbAsync(db => db.Organisations.AsNoTracking().Where(o => o.Code == "GM0599").Select(o => o.FunctionalMailbox).SingleAsync()));

        var saved = await beheerder.PostAsync("/beheer/mailboxen", Form(("__RequestVerificationToken", Token(form)), ("Input.Organisation", "GM0599"), ("Input.Address", "subsidies@rotterdam.nl")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("subsidies@rotterdam.nl", await beheerder.GetStringAsync("/beheer/mailboxen"), StringComparison.Ordinal);

        var id = await _host.SubmittedApplicationAsync();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verzoekHerstel", new { reason = "De begroting ontbreekt.", data = new { termijnDagen = 14 } });
        await _host.DrainAsync();

        var files = Directory.GetFiles(_pickup, "*.eml");
        Assert.Equal(2, files.Length); // the ontvangstbevestiging and the herstelverzoek, one file per Message-ID
        var list = await beheerder.GetStringAsync("/dev/verzonden-berichten");
        Assert.Contains("Verzoek om uw aanvraag", list, StringComparison.Ordinal);
        var herstel = files.Select(f => MimeKit.MimeMessage.Load(f)).Single(m => (m.Subject ?? string.Empty).StartsWith("Verzoek om uw aanvraag", StringComparison.Ordinal));
        var view = await beheerder.GetStringAsync("/dev/verzonden-berichten/" + Path.GetFileName(files.Single(f => MimeKit.MimeMessage.Load(f).MessageId == herstel.MessageId)));
        Assert.Contains("tot en met", view, StringComparison.Ordinal);
        Assert.Contains(".pdf", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await beheerder.GetAsync("/dev/verzonden-berichten/..%2Fcasework.db")).StatusCode);

        using var gemeente = await BrowserAsync(Factory, "rotterdam-aanvrager");
        var casePage = WebUtility.HtmlDecode(await gemeente.GetStringAsync($"/zaken/{id}"));
        Assert.Contains("E-mail aan gemeente Rotterdam (verzoek om aanvulling) bezorgd op 10 januari 2024", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MijnMeldingen_SubscribesTheUser_WhoThenGetsTheirOrganisationsMail_AndStops()
    {
        using var gemeente = await BrowserAsync(Factory, "rotterdam-aanvrager");
        var page = await gemeente.GetStringAsync("/mijn-meldingen");
        var bad = await gemeente.PostAsync("/mijn-meldingen", Form(("__RequestVerificationToken", Token(page)), ("Input.Email", "fatima@")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => db.Set<NotificationSubscription>().CountAsync()));

        var ok = await gemeente.PostAsync("/mijn-meldingen", Form(("__RequestVerificationToken", Token(page)), ("Input.Email", "f.elidrissi@rotterdam.nl")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("f.elidrissi@rotterdam.nl", await gemeente.GetStringAsync("/mijn-meldingen"), StringComparison.Ordinal);

        var id = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
        var mail = Assert.Single(Directory.GetFiles(_pickup, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)));
        Assert.Equal("f.elidrissi@rotterdam.nl", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Ontvangstbevestiging", mail.Subject ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"/zaken/{id}", mail.TextBody!, StringComparison.Ordinal);

        page = await gemeente.GetStringAsync("/mijn-meldingen");
        var stopped = await gemeente.PostAsync("/mijn-meldingen?handler=Stoppen", Form(("__RequestVerificationToken", Token(page))));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => db.Set<NotificationSubscription>().CountAsync()));
    }

    [Fact]
    public async Task NietBezorgd_ListsTheDeadLetterWithItsError_ForTheBeheerderOnly_AndRetriesIt()
    {
        var id = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
        var (webhookId, _) = await _host.SubscribeWebhookAsync("http://127.0.0.1:9/niemand-luistert");
        await _host.AddOutboxMessageAsync(id, new { ontvanger = "GM0599", sjabloon = "besluit" });
        await _host.DrainAsync(); // Delivery:MaxAttempts = 1: the refused connection dead-letters it at once

        var dead = await _host.DbAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.Recipient == webhookId.ToString()));
        Assert.Equal(DeliveryStatus.DeadLettered, dead.Status);

        using var gemeente = await BrowserAsync(Factory, "rotterdam-aanvrager");
        Assert.Equal(HttpStatusCode.Forbidden, (await gemeente.GetAsync("/beheer/niet-bezorgd")).StatusCode);

        using var beheerder = await BrowserAsync(Factory, "beheerder");
        var page = WebUtility.HtmlDecode(await beheerder.GetStringAsync("/beheer/niet-bezorgd"));
        Assert.Contains("Webhook aan zaaksysteem gemeente Rotterdam", page, StringComparison.Ordinal);
        Assert.Contains(dead.LastError!, page, StringComparison.Ordinal);
        Assert.Contains("Opnieuw proberen", page, StringComparison.Ordinal);

        var withoutToken = await beheerder.PostAsync("/beheer/niet-bezorgd", Form(("id", dead.Id.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode); // antiforgery
        var retried = await beheerder.PostAsync("/beheer/niet-bezorgd", Form(("__RequestVerificationToken", Token(page)), ("id", dead.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(DeliveryStatus.Pending, await _host.DbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.Id == dead.Id).Select(d => d.Status).SingleAsync()));
    }

    private WebApplicationFactory<Program> Factory => _host.Factory;
}
