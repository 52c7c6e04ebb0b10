using System.Globalization;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Delivery;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Delivery;

/// <summary>
/// Writes the reminders that are due to the outbox, so they take the same path as every notification:
/// <list type="bullet">
/// <item>the gemeente, a number of working days (Algemene termijnenwet calendar) before its hersteltermijn ends;</item>
/// <item>the organisation a case is routed to, when its beslistermijn ends within a number of days;</item>
/// <item>the secretariat of a body, a number of days before a planned meeting's agenda closes.</item>
/// </list>
/// Each reminder is keyed (kind, subject, end date) in <see cref="SentReminder"/>, written in the transaction of its
/// outbox message, so it goes out once whichever host finds it due; a term that moves to a new end date gets a new one.
/// (The reminder that a herstelverzoek was sent is the herstelverzoek's own notification.)
/// </summary>
internal sealed class ReminderPlanner(CaseworkDbContext db, LegalCalendar calendars, IOptions<DeliveryOptions> options, TimeProvider time)
{
    private ReminderOptions Options => options.Value.Reminders;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = AmsterdamClock.Today(time);
        var calendar = await calendars.GetAsync(db, ct);
        var due = new List<Reminder>();
        due.AddRange(await HersteltermijnenAsync(today, calendar, ct));
        due.AddRange(await BeslistermijnenAsync(today, ct));
        due.AddRange(await AgendasAsync(today, ct));

        var sent = 0;
        foreach (var reminder in due)
        {
            if (await TryWriteAsync(reminder, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The day that lies <paramref name="workingDays"/> working days before <paramref name="end"/>.</summary>
    public static DateOnly WorkingDaysBefore(DateOnly end, int workingDays, DutchCalendar calendar)
    {
        var day = end;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private async Task<IEnumerable<Reminder>> HersteltermijnenAsync(DateOnly today, DutchCalendar calendar, CancellationToken ct)
    {
        var n = Options.HersteltermijnWorkingDaysBefore;

        // N working days span at most N weeks plus a fortnight of holidays; filter exactly in memory.
        var horizon = today.AddDays((n * 7) + 14);
        var terms = await RunningAsync(TermKinds.Hersteltermijn.Id, today, horizon, ct);
        return terms.Where(t => WorkingDaysBefore(t.Due, n, calendar) <= today).Select(t => new Reminder(
            $"hersteltermijn:{t.Id}:{Iso(t.Due)}", t.CaseId, $"/api/v1/cases/{t.CaseId}", "zaak", t.Owner, "herinnering-hersteltermijn", t.Due, null));
    }

    private async Task<IEnumerable<Reminder>> BeslistermijnenAsync(DateOnly today, CancellationToken ct)
    {
        var terms = await RunningAsync(TermKinds.Beslistermijn.Id, today, today.AddDays(Options.BeslistermijnDaysBefore), ct);
        return terms.Select(t => new Reminder(
            $"beslistermijn:{t.Id}:{Iso(t.Due)}", t.CaseId, $"/api/v1/cases/{t.CaseId}", "zaak", t.RoutedTo ?? t.Owner, "herinnering-beslistermijn", t.Due, null));
    }

    private async Task<IEnumerable<Reminder>> AgendasAsync(DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(Options.AgendaCutOffDaysBefore);
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Gepland && m.CutOffDate >= today && m.CutOffDate <= until)
            .Select(m => new { m.Id, m.BodyCode, m.Title, m.CutOffDate })
            .ToListAsync(ct);
        return meetings.Select(m => new Reminder(
            $"agenda:{m.Id}:{Iso(m.CutOffDate)}", null, $"/api/v1/meetings/{m.Id}", "vergadering", m.BodyCode, "herinnering-agenda", m.CutOffDate, m.Title));
    }

    private async Task<List<Term>> RunningAsync(string kind, DateOnly from, DateOnly until, CancellationToken ct) =>
        await db.Deadlines.AsNoTracking()
            .Where(d => d.KindId == kind && d.Status == DeadlineStatus.Running && d.CurrentDueDate >= from && d.CurrentDueDate <= until)
            .Join(db.Cases.IgnoreAutoIncludes(), d => d.CaseId, c => c.Id, (d, c) => new Term(d.Id, d.CaseId, d.CurrentDueDate, c.OwningOrganisation, c.RoutedTo))
            .ToListAsync(ct);

    /// <summary>Writes the reminder and its key in one transaction; false when it was written before (here or by another host).</summary>
    private async Task<bool> TryWriteAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InWriteTransactionAsync(
                async ct =>
                {
                    if (await db.Set<SentReminder>().AnyAsync(r => r.Key == reminder.Key, ct))
                    {
                        return false;
                    }

                    var now = time.GetUtcNow();
                    var kenmerken = new Dictionary<string, string?>
                    {
                        ["ontvanger"] = reminder.Recipient,
                        ["sjabloon"] = reminder.Template,
                        ["uiterlijkeDatum"] = Iso(reminder.Date),
                    };
                    if (reminder.MeetingTitle is not null)
                    {
                        kenmerken["vergadering"] = reminder.MeetingTitle;
                    }

                    var message = OutboxMessage.Create(Guid.NewGuid(), "zaken", reminder.HoofdObject, reminder.Resource, reminder.HoofdObject, "herinnering", now, JsonSerializer.Serialize(kenmerken, JsonSerializerOptions.Web));
                    db.Outbox.Add(message);
                    db.Set<SentReminder>().Add(SentReminder.For(reminder.Key, message.Id, now));
                    await db.SaveChangesAsync(ct);
                    return true;
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another host wrote the same key between our check and our insert (READ COMMITTED on SQL Server): it is sent.
            db.ChangeTracker.Clear();
            if (await db.Set<SentReminder>().AsNoTracking().AnyAsync(r => r.Key == reminder.Key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Term(Guid Id, Guid CaseId, DateOnly Due, string Owner, string? RoutedTo);

    private sealed record Reminder(string Key, Guid? CaseId, string HoofdObject, string Resource, string Recipient, string Template, DateOnly Date, string? MeetingTitle);
}
