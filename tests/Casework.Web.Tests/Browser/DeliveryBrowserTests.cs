using Casework.Domain.Cases;
using Casework.Domain.Delivery;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>The delivery pages in a real browser: keyboard only, axe-clean, under the Content-Security-Policy.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DeliveryBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Beheerder_SetsAMailboxAndRetriesADeadLetter_WithTheKeyboardOnly()
    {
        var deadId = await DeadLetterAsync();
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync("beheerder");

        await session.Page.GotoAsync("/beheer/mailboxen");
        await session.AssertAccessibleAsync("60-mailboxen");
        await session.ChooseAsync(session.Page.GetByLabel("Organisatie"), "gemeente Utrecht");
        await session.TypeAsync(session.Page.GetByLabel("E-mailadres van de functionele mailbox"), "subsidies@utrecht.nl");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Opslaan" }));
        await Assertions.Expect(session.Alerts).ToContainTextAsync("De functionele mailbox van gemeente Utrecht is subsidies@utrecht.nl.");
        await session.AssertAccessibleAsync("61-mailboxen-opgeslagen");

        await session.Page.GotoAsync("/beheer/niet-bezorgd");
        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("smtp: mailbox vol");
        await session.AssertAccessibleAsync("62-niet-bezorgd");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Opnieuw proberen: Besluit, e-mail aan Browsertest" }));
        await Assertions.Expect(session.Alerts).ToContainTextAsync("wordt opnieuw verzonden");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        Assert.Equal(DeliveryStatus.Pending, await db.Deliveries.AsNoTracking().Where(d => d.Id == deadId).Select(d => d.Status).SingleAsync());

        await session.Page.GotoAsync("/dev/verzonden-berichten");
        await session.AssertAccessibleAsync("63-verzonden-berichten");
    }

    [Fact]
    public async Task MijnMeldingen_SubscribeAndStop_WithTheKeyboardOnly()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync("vro-beoordelaar");
        await session.Page.GotoAsync("/mijn-meldingen");
        await session.AssertAccessibleAsync("64-mijn-meldingen");

        await session.TypeAsync(session.Page.GetByLabel("E-mailadres"), "geen-adres");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Opslaan" }));
        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("Geef één e-mailadres");
        await session.AssertAccessibleAsync("65-mijn-meldingen-fout");

        await session.TypeAsync(session.Page.GetByLabel("E-mailadres"), "beoordelaar@minvro.nl");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Opslaan" }));
        await Assertions.Expect(session.Alerts).ToContainTextAsync("U ontvangt voortaan meldingen op beoordelaar@minvro.nl.");
        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Geen meldingen meer ontvangen" }));
        await Assertions.Expect(session.Alerts).ToContainTextAsync("U ontvangt geen meldingen meer per e-mail.");
    }

    /// <summary>A notification whose e-mail failed every attempt (written as the dispatcher would leave it).</summary>
    private async Task<Guid> DeadLetterAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var message = OutboxMessage.Create(Guid.NewGuid(), "zaken", "/api/v1/meetings/none", "vergadering", "/api/v1/meetings/none", "notificatie", now, "{\"ontvanger\":\"GM0599\",\"sjabloon\":\"besluit\"}");
        var delivery = OutboxDelivery.Plan(message.Id, null, DeliveryChannel.Email, $"browsertest-{Guid.NewGuid():N}@rotterdam.nl", "Browsertest", "casework.test", now);
        await db.InWriteTransactionAsync(
            async ct =>
            {
                db.Outbox.Add(message);
                db.Deliveries.Add(delivery);
                return await db.SaveChangesAsync(ct);
            },
            CancellationToken.None);
        await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.DeadLettered)
            .SetProperty(d => d.Attempts, 8)
            .SetProperty(d => d.LastError, "smtp: mailbox vol"));
        return delivery.Id;
    }
}
