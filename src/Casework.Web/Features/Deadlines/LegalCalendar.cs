using Casework.Domain.Time;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Deadlines;

/// <summary>
/// The calendar every legal term is computed on: the holidays of the Algemene termijnenwet plus the days equated
/// with them (art. 3 lid 3), loaded from the reference data and cached. The domain stays pure: it is handed the
/// <see cref="DutchCalendar"/> built here.
/// </summary>
/// <remarks>
/// A besluit gelijkstelling comes once per three years, so the set is cached. This host drops its copy when a
/// Beheerder adds a besluit (<see cref="Invalidate"/>, after the commit); another host on the same database picks it
/// up within <see cref="RefreshInterval"/> (docs/decisions/ADR-005-legal-clock.md).
/// </remarks>
internal sealed class LegalCalendar(TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private Snapshot? _current;

    /// <summary>The calendar, loaded through the caller's context (so inside its transaction) when the cached copy is missing or old.</summary>
    public async Task<DutchCalendar> GetAsync(CaseworkDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var current = Volatile.Read(ref _current);
        if (current is not null && now - current.LoadedAt < RefreshInterval && now >= current.LoadedAt)
        {
            return current.Calendar;
        }

        var decrees = await db.EquatedDaysDecrees.AsNoTracking().ToListAsync(ct);
        var calendar = new DutchCalendar(new EquatedDays(decrees));
        Volatile.Write(ref _current, new Snapshot(calendar, now));
        return calendar;
    }

    /// <summary>Forget the cached set; the next term is computed on what the database holds then.</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    private sealed record Snapshot(DutchCalendar Calendar, DateTimeOffset LoadedAt);
}
