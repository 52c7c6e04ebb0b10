using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Web.Features.Delivery;
using Casework.Web.Persistence;
using Casework.Web.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Delivery;

/// <summary>Helpers over an <see cref="ApplicationsHost"/> whose dispatcher the test drives (its polling loop is off).</summary>
internal static class DeliveryHost
{
    public static readonly DateTimeOffset Start = ApplicationsHost.Amsterdam("2024-01-10 10:00");

    /// <summary>Settings for a host: reminders off unless asked for, quick retries, a pickup folder of its own.</summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? smtp = null, bool reminders = false, int maxAttempts = 8)
    {
        var settings = new Dictionary<string, string>(smtp ?? new Dictionary<string, string>())
        {
            ["Delivery:Enabled"] = "false",
            ["Delivery:Reminders:Enabled"] = reminders ? "true" : "false",
            ["Delivery:RetryBaseDelay"] = "00:01:00",
            ["Delivery:MaxRetryDelay"] = "00:10:00",
            ["Delivery:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:LeaseDuration"] = "00:02:00",
        };
        if (!settings.ContainsKey("Delivery:Smtp:PickupDirectory"))
        {
            settings["Delivery:Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "casework-tests", "eml-" + Guid.NewGuid().ToString("N"));
        }

        return settings;
    }

    public static DeliveryDispatcher Dispatcher(this ApplicationsHost host)
    {
        using var scope = host.Scope();
        return scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>();
    }

    /// <summary>Passes until one finds nothing more to do (at most 20), on the host's current clock.</summary>
    public static async Task<DeliveryRunResult> DrainAsync(this ApplicationsHost host)
    {
        var total = DeliveryRunResult.None;
        for (var i = 0; i < 20; i++)
        {
            var pass = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
            total = total.Add(pass);
            if (pass.Reminders + pass.FannedOut + pass.Delivered + pass.Failed + pass.DeadLettered == 0)
            {
                break;
            }
        }

        return total;
    }

    public static async Task SetMailboxAsync(this ApplicationsHost host, string code, string address)
    {
        var beheerder = await host.AsAsync("VRO", "Beheerder");
        await ApplicationsHost.OkAsync(await beheerder.PutAsJsonAsync($"/api/v1/organisations/{code}/mailbox", new { address }));
    }

    /// <summary>Creates a webhook subscription as the Beheerder; its id and the secret shown once.</summary>
    public static async Task<(Guid Id, string Secret)> SubscribeWebhookAsync(this ApplicationsHost host, string url, string? kanaal = "zaken")
    {
        var beheerder = await host.AsAsync("VRO", "Beheerder");
        var created = await ApplicationsHost.OkAsync(await beheerder.PostAsJsonAsync("/api/v1/webhooks", new { callbackUrl = url, kanaal, description = "zaaksysteem gemeente Rotterdam" }), System.Net.HttpStatusCode.Created);
        return (created.GetProperty("subscription").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    /// <summary>Writes one outbox message the way an effect does (in a transaction of its own); returns its id.</summary>
    public static async Task<Guid> AddOutboxMessageAsync(this ApplicationsHost host, Guid caseId, object kenmerken, string actie = "notificatie")
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var id = Guid.NewGuid();
        await db.InWriteTransactionAsync(
            async ct =>
            {
                db.Outbox.Add(OutboxMessage.Create(id, "zaken", $"/api/v1/cases/{caseId}", "zaak", $"/api/v1/cases/{caseId}", actie, host.Clock.GetUtcNow(), JsonSerializer.Serialize(kenmerken, JsonSerializerOptions.Web)));
                return await db.SaveChangesAsync(ct);
            },
            CancellationToken.None);
        return id;
    }

    /// <summary>A submitted WBI application of Rotterdam in round T6; its id.</summary>
    public static async Task<Guid> SubmittedApplicationAsync(this ApplicationsHost host)
    {
        var t6 = await host.TrancheIdAsync("Wbi", "T6");
        var created = await host.CreateAsync("GM0599", ApplicationBuilder.Wbi(t6));
        await ApplicationsHost.OkAsync(await host.SubmitAsync("GM0599", created));
        return created.GetProperty("id").GetGuid();
    }

    public static Task<List<Casework.Domain.Delivery.OutboxDelivery>> DeliveriesOfAsync(this ApplicationsHost host, Guid messageId) =>
        host.DbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.OutboxMessageId == messageId).ToListAsync());
}
