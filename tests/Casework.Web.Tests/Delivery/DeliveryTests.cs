using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casework.Domain.Delivery;
using Casework.Domain.Time;
using Casework.Web.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Delivery;

/// <summary>
/// The dispatcher against a real SMTP server and a real HTTP receiver on localhost, on a SQLite file, with a fake clock
/// driving retries, leases and reminders.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly SmtpTestServer _smtp = new();
    private ApplicationsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApplicationsHost(DeliveryHost.Start, settings: DeliveryHost.Settings(_smtp.Settings(), maxAttempts: 4));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Herstelverzoek_SendsOneEmailToTheMailboxWithThePdfAttached_WhoseTextHoldsTheTermsEndAndTheKenmerk()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var id = await _host.SubmittedApplicationAsync();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verzoekHerstel", new { reason = "De begroting van het project ontbreekt.", data = new { termijnDagen = 14 } });

        await _host.DrainAsync();
        await _host.DrainAsync(); // nothing is sent twice

        var term = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Hersteltermijn.Id));
        var reference = await _host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        var herstel = _smtp.Received.Where(r => (r.Message.Subject ?? string.Empty).StartsWith("Verzoek om uw aanvraag", StringComparison.Ordinal)).ToList();
        var (to, mail) = Assert.Single(herstel);
        Assert.Equal(["subsidies@rotterdam.nl"], to);
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        var end = term.CurrentDueDate.ToString("d MMMM yyyy", Dutch);
        Assert.Contains($"tot en met {end}", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Awb artikel 4:5", mail.TextBody, StringComparison.Ordinal);

        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var pdfBytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdfBytes);
        pdfBytes.Position = 0;
        using (var opened = PdfReader.Open(pdfBytes, PdfDocumentOpenMode.Import))
        {
            Assert.True(opened.PageCount >= 1);
        }

        using var pdf = PdfDocument.Open(pdfBytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("tot en met " + end, text, StringComparison.Ordinal);

        // The Message-ID is the delivery's stable one: message id + recipient.
        var delivery = await _host.DbAsync(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.MessageIdentifier == mail.MessageId));
        Assert.Equal(OutboxDelivery.StableMessageId(delivery.OutboxMessageId, DeliveryChannel.Email, "subsidies@rotterdam.nl", "casework.nplv.nl"), mail.MessageId);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("gemeente Rotterdam", delivery.RecipientLabel);
    }

    [Fact]
    public async Task Webhook_GetsTheZgwBodySignedWithItsSubscriptionsSecret()
    {
        var caseId = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync(); // what the case's start wrote goes out before the subscription exists
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, secret) = await _host.SubscribeWebhookAsync(receiver.Url);
                var messageId = await _host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit", uiterlijkeDatum = new DateOnly(2024, 2, 23) });

        await _host.DrainAsync();

        var (headers, body, status) = Assert.Single(receiver.Requests);
        Assert.Equal(204, status);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        Assert.Equal(expected, headers["X-Casework-Signature"]);
        Assert.Equal(OutboxDelivery.StableMessageId(messageId, DeliveryChannel.Webhook, subscriptionId.ToString(), "casework.nplv.nl"), headers["X-Casework-Delivery"]);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("zaken", root.GetProperty("kanaal").GetString());
        Assert.Equal($"/api/v1/cases/{caseId}", root.GetProperty("hoofdObject").GetString());
        Assert.Equal("zaak", root.GetProperty("resource").GetString());
        Assert.Equal($"/api/v1/cases/{caseId}", root.GetProperty("resourceUrl").GetString());
        Assert.Equal("notificatie", root.GetProperty("actie").GetString());
        Assert.Equal(DeliveryHost.Start, DateTimeOffset.Parse(root.GetProperty("aanmaakdatum").GetString()!, CultureInfo.InvariantCulture));
        var kenmerken = root.GetProperty("kenmerken");
        Assert.Equal("GM0599", kenmerken.GetProperty("ontvanger").GetString());
        Assert.Equal("2024-02-23", kenmerken.GetProperty("uiterlijkeDatum").GetString());
        Assert.All(kenmerken.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));

        // A wrong secret would not produce this signature.
        Assert.NotEqual(expected, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret + "x"), body)));
    }

    [Fact]
    public async Task Webhook_ThatFailsThreeTimes_GetsItOnTheFourthTry_WithTheSameDeliveryId()
    {
        var caseId = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        await _host.SubscribeWebhookAsync(receiver.Url);
                var messageId = await _host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" });

        await _host.DrainAsync();
        Assert.Single(receiver.Requests);
        var afterFirst = Assert.Single(await _host.DeliveriesOfAsync(messageId));
        Assert.Equal(DeliveryStatus.Pending, afterFirst.Status);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("503", afterFirst.LastError, StringComparison.Ordinal);
        Assert.True(afterFirst.NextAttemptAt > DeliveryHost.Start, "a failed delivery waits before its next attempt");

        // Not before its next attempt is due: a pass now sends nothing.
        await _host.DrainAsync();
        Assert.Single(receiver.Requests);

        for (var i = 0; i < 3; i++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(11)); // past the longest backoff (10 minutes)
            await _host.DrainAsync();
        }

        Assert.Equal([503, 503, 503, 204], receiver.Requests.Select(r => r.Status));
        Assert.Single(receiver.Requests.Select(r => r.Headers["X-Casework-Delivery"]).Distinct());
        var delivered = Assert.Single(await _host.DeliveriesOfAsync(messageId));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(4, delivered.Attempts);
        Assert.Null(delivered.LastError);
    }

    [Fact]
    public async Task Webhook_ThatAlwaysFails_IsDeadLetteredAfterMaxAttempts_ListedForTheBeheerderAndRetriedOnRequest()
    {
        var caseId = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
        await using var receiver = await WebhookReceiver.StartAsync(alwaysFail: true);
        await _host.SubscribeWebhookAsync(receiver.Url);
                var messageId = await _host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" });

        for (var i = 0; i < 8; i++)
        {
            await _host.DrainAsync();
            _host.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        Assert.Equal(4, receiver.Requests.Count); // Delivery:MaxAttempts = 4, then no more
        var dead = Assert.Single(await _host.DeliveriesOfAsync(messageId));
        Assert.Equal(DeliveryStatus.DeadLettered, dead.Status);
        Assert.Equal(4, dead.Attempts);
        Assert.Contains("503", dead.LastError, StringComparison.Ordinal);

        var beheerder = await _host.AsAsync("VRO", "Beheerder");
        var list = await OkAsync(await beheerder.GetAsync("/api/v1/deliveries/dead-letters"));
        var row = Assert.Single(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == dead.Id);
        Assert.Contains("503", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _host.GemeenteAsync("GM0599")).GetAsync("/api/v1/deliveries/dead-letters")).StatusCode);

        var retried = await OkAsync(await beheerder.PostAsync($"/api/v1/deliveries/{dead.Id}/retry", null));
        Assert.Equal("Pending", retried.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await beheerder.PostAsync($"/api/v1/deliveries/{dead.Id}/retry", null)).StatusCode);
        await _host.DrainAsync();
        Assert.Equal(5, receiver.Requests.Count);
    }

    [Fact]
    public async Task TwoDispatchersOverOneDatabase_DeliverEachMessageToEachRecipientExactlyOnce()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var caseId = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
        await using var second = _host.SecondHost();
                var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await _host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" }));
        }

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(
                Task.Run(() => _host.Dispatcher().RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.Dispatcher().RunOnceAsync(CancellationToken.None)));
        }

        var deliveries = await _host.DbAsync(db => db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.OutboxMessageId)).ToListAsync());
        Assert.Equal(12, deliveries.Count); // one per message: the mailbox; no second fan-out
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        var received = _smtp.Received.Select(r => r.Message.MessageId).Where(m => deliveries.Any(d => d.MessageIdentifier == m)).ToList();
        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Distinct().Count());
    }

    [Fact]
    public async Task HostKilledMidDelivery_IsRedeliveredAfterTheLeaseLapses_WithTheSameMessageId()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var caseId = await _host.SubmittedApplicationAsync();
        await _host.DrainAsync();
                var messageId = await _host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" });

        // The first host fans out, claims, sends, and dies before it records the outcome.
        var killed = _host.Dispatcher();
        await killed.FanOutAsync(messageId, CancellationToken.None);
        var delivery = Assert.Single(await _host.DeliveriesOfAsync(messageId));
        Assert.NotNull(await killed.TryClaimAsync(delivery.Id, CancellationToken.None));
        await killed.SendAsync(delivery.Id, CancellationToken.None);
        Assert.Single(_smtp.Received, r => r.Message.MessageId == delivery.MessageIdentifier);

        // Restarted on the same database: while the lease holds, nothing happens.
        await using var restarted = _host.SecondHost();
        await restarted.DrainAsync();
        Assert.Single(_smtp.Received, r => r.Message.MessageId == delivery.MessageIdentifier);

        restarted.Clock.Advance(TimeSpan.FromMinutes(3)); // the lease (2 minutes) lapsed
        await restarted.DrainAsync();
        var sent = _smtp.Received.Where(r => r.Message.MessageId == delivery.MessageIdentifier).ToList();
        Assert.Equal(2, sent.Count); // at least once, and the receiver sees the same Message-ID
        var done = Assert.Single(await restarted.DeliveriesOfAsync(messageId));
        Assert.Equal((DeliveryStatus.Delivered, 1), (done.Status, done.Attempts));
    }
}
