using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Delivery;
using Casework.Web.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Delivery;

/// <summary>
/// A proposal under the vier-ogenprincipe (ADR-016) is e-mailed, through the dispatcher and a real SMTP server, to the
/// deciding organisation's functional mailbox and its subscribed users, exactly once per recipient, and never to the
/// gemeente, which does not see a proposal.
/// </summary>
public sealed class ProposalEmailTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    private readonly SmtpTestServer _smtp = new();
    private ApplicationsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApplicationsHost(DeliveryHost.Start, settings: DeliveryHost.Settings(_smtp.Settings()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Proposal_IsMailedOnceToTheDecidingOrganisationsMailboxAndSubscribers_SayingWhatWhoAndThatAColleagueMustConfirm_AndNotToTheGemeente()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        await _host.SetMailboxAsync("VRO", "besluiten@minvro.nl");
        var colleague = await _host.AsUserAsync("vro-beoordelaar-2");
        await OkAsync(await colleague.PutAsJsonAsync("/api/v1/notification-subscription", new { email = "e.degraaf@minvro.nl" }));
        var gemeenteUser = await _host.GemeenteAsync("GM0599");
        await OkAsync(await gemeenteUser.PutAsJsonAsync("/api/v1/notification-subscription", new { email = "aanvrager@rotterdam.nl" }));

        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(t6).With(a => a.RequestedAmount = 1_234_567m), Scores);
        await _host.DrainAsync(); // what the application's path wrote so far goes out first
        var before = _smtp.Received.Count;

        var proposed = await FireAsync(await _host.AsUserAsync("vro-beoordelaar"), id, "toekennen", new { data = new { bedrag = 1_234_567m, verzenddatum = "2024-01-12" } });
        Assert.Equal(JsonValueKind.Object, proposed.GetProperty("proposal").ValueKind);
        await _host.DrainAsync();
        await _host.DrainAsync(); // nothing is sent twice

        var mails = _smtp.Received.Skip(before).ToList();
        var reference = await _host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        var proposals = mails.Where(m => (m.Message.Subject ?? string.Empty).StartsWith("Voorgesteld besluit wacht op bevestiging", StringComparison.Ordinal)).ToList();
        Assert.Equal(["besluiten@minvro.nl", "e.degraaf@minvro.nl"], proposals.SelectMany(p => p.To).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(mails, m => m.To.Any(t => t.EndsWith("@rotterdam.nl", StringComparison.Ordinal))); // a proposal is no besluit yet

        foreach (var (_, mail) in proposals)
        {
            Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
            var text = mail.TextBody!;
            Assert.Contains($"Mohammed Amrani heeft in zaak {reference}", text, StringComparison.Ordinal);
            Assert.Contains("Toekennen", text, StringComparison.Ordinal);
            Assert.Contains("€\u00A01.234.567", text, StringComparison.Ordinal);
            Assert.Contains("iemand anders zijn dan Mohammed Amrani", text, StringComparison.Ordinal);
            Assert.Contains($"/zaken/{id}", text, StringComparison.Ordinal);
            Assert.Empty(mail.Attachments); // the letter is written on confirmation, not before
        }

        var message = await _host.DbAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kenmerken.Contains("\"sjabloon\":\"voorstel\"")).ToListAsync());
        var deliveries = await _host.DeliveriesOfAsync(Assert.Single(message).Id);
        Assert.Equal(2, deliveries.Count(d => d.Channel == DeliveryChannel.Email));
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));

        // The gemeente's case page lists no delivery of the proposal; the deciding organisation's does.
        var gemeenteDeliveries = await OkAsync(await gemeenteUser.GetAsync($"/api/v1/cases/{id}/deliveries"));
        Assert.DoesNotContain(gemeenteDeliveries.EnumerateArray(), d => d.GetProperty("outboxMessageId").GetGuid() == message[0].Id);
        var vroDeliveries = await OkAsync(await colleague.GetAsync($"/api/v1/cases/{id}/deliveries"));
        Assert.Equal(2, vroDeliveries.EnumerateArray().Count(d => d.GetProperty("outboxMessageId").GetGuid() == message[0].Id));
    }
}
