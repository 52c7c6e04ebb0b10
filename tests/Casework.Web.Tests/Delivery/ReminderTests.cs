using Casework.Domain.Time;
using Casework.Web.Features.Delivery;
using Casework.Web.Tests.Applications;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Delivery;

/// <summary>Reminders take the outbox path and go out once, whichever of two hosts finds them due and however often.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private ApplicationsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApplicationsHost(DeliveryHost.Start, settings: DeliveryHost.Settings(_smtp.Settings(), reminders: true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Hersteltermijn_RemindsTheGemeenteOnceThreeWorkingDaysBeforeItEnds_OnEitherHost()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var id = await _host.SubmittedApplicationAsync();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verzoekHerstel", new { reason = "De begroting ontbreekt.", data = new { termijnDagen = 14 } });
        var term = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Hersteltermijn.Id));
        var remindOn = ReminderPlanner.WorkingDaysBefore(term.CurrentDueDate, 3, DutchCalendar.HolidaysOnly);
        Assert.Equal(3, DutchCalendar.HolidaysOnly.WorkingDaysBetween(remindOn.AddDays(1), term.CurrentDueDate));
        await using var second = _host.SecondHost();

        // The day before: not yet.
        SetBoth(second, remindOn.AddDays(-1));
        await _host.DrainAsync();
        Assert.Empty(Reminders());

        SetBoth(second, remindOn);
        await Task.WhenAll(Task.Run(_host.DrainAsync), Task.Run(second.DrainAsync));
        await _host.DrainAsync();
        SetBoth(second, remindOn.AddDays(1));
        await second.DrainAsync();
        await _host.DrainAsync();

        var (to, mail) = Assert.Single(Reminders());
        Assert.Equal(["subsidies@rotterdam.nl"], to);
        Assert.Contains(term.CurrentDueDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), mail.Subject, StringComparison.Ordinal);
        Assert.Equal(1, await _host.DbAsync(db => db.Set<Casework.Domain.Delivery.SentReminder>().CountAsync(r => r.Key.StartsWith("hersteltermijn:"))));
    }

    [Fact]
    public async Task Beslistermijn_RemindsTheRoutedOrganisationOnceWhenItEndsWithinFiveDays()
    {
        await _host.SetMailboxAsync("RVO", "loket@rvo.nl");
        var id = await _host.SubmittedApplicationAsync();
        var term = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Beslistermijn.Id));
        await using var second = _host.SecondHost();

        SetBoth(second, term.CurrentDueDate.AddDays(-6));
        await _host.DrainAsync();
        Assert.Empty(BeslistermijnReminders());

        SetBoth(second, term.CurrentDueDate.AddDays(-5));
        await Task.WhenAll(Task.Run(_host.DrainAsync), Task.Run(second.DrainAsync));
        SetBoth(second, term.CurrentDueDate.AddDays(-4));
        await _host.DrainAsync();

        var (to, _) = Assert.Single(BeslistermijnReminders());
        Assert.Equal(["loket@rvo.nl"], to);
    }

    [Fact]
    public async Task AgendaCutOff_RemindsTheSecretariatOnceTwoDaysBefore()
    {
        await _host.SetMailboxAsync("SBSD", "secretariaat@sbsd.nl");
        var secretaris = await _host.AsAsync("SBSD", "Secretaris");
        var meeting = await OkAsync(await SendAsync(secretaris, HttpMethod.Post, "/api/v1/meetings", new { body = "SBSD", date = "2024-02-01", cutOffDate = "2024-01-25", title = "SBSD februari" }), System.Net.HttpStatusCode.Created);
        Assert.Equal("2024-01-25", meeting.GetProperty("cutOffDate").GetString());

        SetBoth(_host, new DateOnly(2024, 1, 22));
        await _host.DrainAsync();
        Assert.Empty(AgendaReminders());

        SetBoth(_host, new DateOnly(2024, 1, 23));
        await _host.DrainAsync();
        SetBoth(_host, new DateOnly(2024, 1, 24));
        await _host.DrainAsync();

        var (to, mail) = Assert.Single(AgendaReminders());
        Assert.Equal(["secretariaat@sbsd.nl"], to);
        Assert.Equal("Herinnering: de agenda van SBSD februari sluit op 25 januari 2024", mail.Subject);
    }

    private List<(IReadOnlyList<string> To, MimeKit.MimeMessage Message)> AgendaReminders() =>
        [.. _smtp.Received.Where(r => (r.Message.Subject ?? string.Empty).StartsWith("Herinnering: de agenda", StringComparison.Ordinal))];

    private List<(IReadOnlyList<string> To, MimeKit.MimeMessage Message)> Reminders() =>
        [.. _smtp.Received.Where(r => (r.Message.Subject ?? string.Empty).StartsWith("Herinnering: vul uw aanvraag", StringComparison.Ordinal))];

    private List<(IReadOnlyList<string> To, MimeKit.MimeMessage Message)> BeslistermijnReminders() =>
        [.. _smtp.Received.Where(r => (r.Message.Subject ?? string.Empty).StartsWith("Herinnering: de beslistermijn", StringComparison.Ordinal))];

    private void SetBoth(ApplicationsHost second, DateOnly day)
    {
        var at = Amsterdam(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 08:00");
        _host.Clock.SetUtcNow(at);
        second.Clock.SetUtcNow(at);
    }
}
