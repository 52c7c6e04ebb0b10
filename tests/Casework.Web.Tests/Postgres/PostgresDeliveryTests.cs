using Casework.Domain.Delivery;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Postgres;

/// <summary>
/// The dispatcher on PostgreSQL (its migration, the conditional updates under SERIALIZABLE, the lease comparison on
/// timestamptz): two hosts over one database send each message once, and a lapsed lease is taken over with the same Message-ID.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresDeliveryTests(PostgresServer server)
{
    [Fact]
    public async Task TwoHostsOnPostgres_DeliverEachMessageOnce_AndTakeOverALapsedLeaseWithTheSameMessageId()
    {
        await using var smtp = new SmtpTestServer();
        await using var host = new ApplicationsHost(DeliveryHost.Start, await server.CreateDatabaseAsync(), DeliveryHost.Settings(smtp.Settings()));
        await host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var caseId = await host.SubmittedApplicationAsync();
        await host.DrainAsync();
        await using var second = host.SecondHost();

        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" }));
        }

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(
                Task.Run(() => host.Dispatcher().RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.Dispatcher().RunOnceAsync(CancellationToken.None)));
        }

        var deliveries = await host.DbAsync(db => db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.OutboxMessageId)).ToListAsync());
        Assert.Equal(8, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        var received = smtp.Received.Select(r => r.Message.MessageId).Where(m => deliveries.Any(d => d.MessageIdentifier == m)).ToList();
        Assert.Equal(8, received.Count);
        Assert.Equal(8, received.Distinct().Count());

        // A host that claimed and sent but died before recording: the other takes over once the lease lapsed.
        var messageId = await host.AddOutboxMessageAsync(caseId, new { ontvanger = "GM0599", sjabloon = "besluit" });
        var killed = host.Dispatcher();
        await killed.FanOutAsync(messageId, CancellationToken.None);
        var delivery = Assert.Single(await host.DeliveriesOfAsync(messageId));
        Assert.NotNull(await killed.TryClaimAsync(delivery.Id, CancellationToken.None));
        Assert.Null(await second.Dispatcher().TryClaimAsync(delivery.Id, CancellationToken.None));
        await killed.SendAsync(delivery.Id, CancellationToken.None);
        second.Clock.Advance(TimeSpan.FromMinutes(3));
        await second.DrainAsync();
        Assert.Equal(2, smtp.Received.Count(r => r.Message.MessageId == delivery.MessageIdentifier));
        var done = Assert.Single(await host.DeliveriesOfAsync(messageId));
        Assert.Equal((DeliveryStatus.Delivered, 1), (done.Status, done.Attempts));
    }
}
