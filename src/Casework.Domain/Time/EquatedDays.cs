using System.Collections.Frozen;
using Casework.Domain.Common;

namespace Casework.Domain.Time;

/// <summary>One day a besluit gelijkstelling equates with an algemeen erkende feestdag.</summary>
public sealed record EquatedDay(DateOnly Date);

/// <summary>
/// A besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3): the Crown equates further days with the
/// algemeen erkende feestdagen, usually for three years at a time, in a besluit published in the Staatscourant.
/// These days are a decision, not a computable rule, so they are data (docs/domain.md, "Legal clock").
/// </summary>
public sealed class EquatedDaysDecree
{
    public const string Source = "Algemene termijnenwet art. 3 lid 3";

    /// <summary>A besluit covers at most this many years (ontwerpkeuze: a typing error in a year is caught; real ones cover three).</summary>
    public const int MaxYears = 10;

    private readonly List<EquatedDay> _days = [];

    // For EF Core.
    private EquatedDaysDecree()
    {
        Title = string.Empty;
        RecordedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The title of the besluit, as published; cited as the source of each of its days.</summary>
    public string Title { get; private set; }

    /// <summary>The first year the besluit covers.</summary>
    public int FirstYear { get; private set; }

    /// <summary>The last year the besluit covers (inclusive).</summary>
    public int LastYear { get; private set; }

    public IReadOnlyList<EquatedDay> Days => _days;

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>
    /// Records a besluit after checking it against the holidays of art. 3 lid 1 and 2 and the days already equated.
    /// Throws <see cref="BusinessRuleViolationException"/> with every broken rule; nothing is recorded then.
    /// </summary>
    public static EquatedDaysDecree Record(
        Guid id,
        string title,
        int firstYear,
        int lastYear,
        IEnumerable<DateOnly> days,
        EquatedDays existing,
        DateTimeOffset recordedAt,
        string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(existing);
        var list = days.Distinct().Order().ToList();
        var broken = WhyNot(title.Trim(), firstYear, lastYear, list, existing);
        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var decree = new EquatedDaysDecree
        {
            Id = id,
            Title = title.Trim(),
            FirstYear = firstYear,
            LastYear = lastYear,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
        decree._days.AddRange(list.Select(d => new EquatedDay(d)));
        return decree;
    }

    /// <summary>The rules a new besluit must meet, each with its source; empty when it may be recorded.</summary>
    public static IReadOnlyList<BrokenRule> WhyNot(string title, int firstYear, int lastYear, IReadOnlyList<DateOnly> days, EquatedDays existing)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(existing);
        var broken = new List<BrokenRule>();
        if (lastYear < firstYear || lastYear - firstYear + 1 > MaxYears)
        {
            broken.Add(new BrokenRule(
                "GELIJKSTELLING-JAREN",
                $"Een besluit gelijkstelling geldt voor een aaneengesloten reeks van 1 tot {MaxYears} jaar; {firstYear}-{lastYear} is dat niet.",
                "Ontwerpkeuze: een besluit gelijkstelling geldt in de praktijk voor drie jaar"));
        }

        if (days.Count == 0)
        {
            broken.Add(new BrokenRule("GELIJKSTELLING-GEEN-DAGEN", "Een besluit gelijkstelling stelt ten minste één dag gelijk.", Source));
        }

        if (existing.Decrees.Any(d => string.Equals(d.Title, title, StringComparison.OrdinalIgnoreCase)))
        {
            broken.Add(new BrokenRule("GELIJKSTELLING-BESLUIT-BEKEND", $"Het besluit '{title}' is al vastgelegd.", Source));
        }

        foreach (var day in days)
        {
            if (day.Year < firstYear || day.Year > lastYear)
            {
                broken.Add(new BrokenRule(
                    "GELIJKSTELLING-DAG-BUITEN-JAREN",
                    $"{DutchDate.WithWeekday(day)} valt buiten de jaren {firstYear}-{lastYear} van het besluit.",
                    Source));
            }

            if (DutchCalendar.IsWeekend(day))
            {
                broken.Add(new BrokenRule(
                    "GELIJKSTELLING-DAG-WEEKEND",
                    $"{DutchDate.WithWeekday(day)} is al geen werkdag (weekend); gelijkstelling is niet nodig.",
                    "Algemene termijnenwet art. 1 lid 1"));
            }
            else if (DutchCalendar.HolidayName(day) is { } holiday)
            {
                broken.Add(new BrokenRule(
                    "GELIJKSTELLING-DAG-FEESTDAG",
                    $"{DutchDate.WithWeekday(day)} is al een algemeen erkende feestdag ({holiday}).",
                    "Algemene termijnenwet art. 3 lid 1 en 2"));
            }

            if (existing.DecreeOn(day) is { } other)
            {
                broken.Add(new BrokenRule(
                    "GELIJKSTELLING-DAG-BEKEND",
                    $"{DutchDate.WithWeekday(day)} is al gelijkgesteld bij {other.Title}.",
                    Source));
            }
        }

        return broken;
    }
}

/// <summary>
/// The days equated with an algemeen erkende feestdag (Atw art. 3 lid 3), each with its besluit, and which years
/// a besluit covers. The domain takes this set in (the web layer loads it from the reference data); it never
/// guesses a day that no besluit names.
/// </summary>
public sealed class EquatedDays
{
    private readonly FrozenDictionary<DateOnly, EquatedDaysDecree> _byDate;

    public EquatedDays(IEnumerable<EquatedDaysDecree> decrees)
    {
        ArgumentNullException.ThrowIfNull(decrees);
        Decrees = [.. decrees.OrderBy(d => d.FirstYear).ThenBy(d => d.Title, StringComparer.Ordinal)];
        var byDate = new Dictionary<DateOnly, EquatedDaysDecree>();
        foreach (var decree in Decrees)
        {
            foreach (var day in decree.Days)
            {
                if (!byDate.TryAdd(day.Date, decree))
                {
                    throw new ArgumentException($"{day.Date} is equated by both '{byDate[day.Date].Title}' and '{decree.Title}'.", nameof(decrees));
                }
            }
        }

        _byDate = byDate.ToFrozenDictionary();
    }

    /// <summary>No besluit known: every year is flagged, and no day is equated.</summary>
    public static EquatedDays None { get; } = new([]);

    public IReadOnlyList<EquatedDaysDecree> Decrees { get; }

    /// <summary>The besluit that equates the date with a holiday; null when none does.</summary>
    public EquatedDaysDecree? DecreeOn(DateOnly date) => _byDate.GetValueOrDefault(date);

    /// <summary>True when a known besluit covers the year (its days, possibly none in that year, are then all known).</summary>
    public bool IsKnown(int year) => Decrees.Any(d => d.Covers(year));
}
