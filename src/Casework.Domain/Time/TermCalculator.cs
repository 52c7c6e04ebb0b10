namespace Casework.Domain.Time;

/// <summary>
/// Computes the last day of a legal term and explains each step in Dutch.
/// </summary>
/// <remarks>
/// Day counting:
/// <list type="number">
/// <item>The event day does not count; the term starts the next day (Awb 6:8 lid 1 for objections, the
/// general rule of Dutch term law). A term of N weeks therefore ends on the same weekday as the event, a term
/// of N months/years on the same day number (or the month's last day when that number does not exist).</item>
/// <item>Suspension (Awb 4:15) adds the suspended days to the end; see <see cref="SuspensionPeriod"/>.</item>
/// <item>An extension by notice (Awb 4:14, 7:10 lid 3) is added to the end after suspension.</item>
/// <item>The Algemene termijnenwet is applied once, to that final end: art. 1 moves an end on a Saturday,
/// Sunday or holiday to the next working day; art. 2 makes a term of three days or more hold at least two
/// working days. Applying it earlier (before an extension) would count the moved days twice. Days equated with a
/// holiday under art. 3 lid 3 come from the <see cref="DutchCalendar"/> passed in; an end in a year that no known
/// besluit gelijkstelling covers is flagged in the explanation.</item>
/// </list>
/// </remarks>
public static class TermCalculator
{
    public static TermCalculation Calculate(
        TermKind kind,
        DateOnly eventDate,
        DutchCalendar calendar,
        IReadOnlyList<SuspensionPeriod>? suspensions = null,
        TermLength? extension = null,
        TermLength? overrideLength = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(calendar);
        var steps = new List<TermStep>();
        var firstDay = eventDate.AddDays(1);
        steps.Add(new TermStep(
            TermStepKind.Start,
            firstDay,
            $"Gebeurtenis: {kind.EventDescription} op {DutchDate.WithWeekday(eventDate)}. " +
            $"De termijn begint de dag erna, {DutchDate.WithWeekday(firstDay)}."));

        var (length, rawEnd) = RawEnd(kind, eventDate, overrideLength, steps);

        var end = rawEnd;
        var suspendedDays = 0;
        if (suspensions is { Count: > 0 })
        {
            if (!kind.SuspensionApplies)
            {
                throw new ArgumentException($"Term kind '{kind.Id}' cannot be suspended.", nameof(suspensions));
            }

            SuspensionPeriod? previous = null;
            foreach (var period in suspensions.OrderBy(s => s.From))
            {
                if (period.From < firstDay)
                {
                    throw new ArgumentException($"Suspension from {period.From} starts before the term's first day {firstDay}.", nameof(suspensions));
                }

                if (previous is not null && period.From < previous.Until)
                {
                    throw new ArgumentException($"Suspensions overlap: {previous.From}-{previous.Until} and {period.From}-{period.Until}.", nameof(suspensions));
                }

                var runsUntil = kind.AtwApplies ? calendar.OnOrNextWorkingDay(end) : end;
                if (period.From > runsUntil)
                {
                    throw new ArgumentException($"Suspension from {period.From} starts after the term already ended on {runsUntil}.", nameof(suspensions));
                }

                end = end.AddDays(period.Days);
                suspendedDays += period.Days;
                steps.Add(new TermStep(
                    TermStepKind.Suspension,
                    end,
                    $"Opgeschort van {DutchDate.Numeric(period.From)} tot {DutchDate.Numeric(period.Until)}: " +
                    $"{period.Days} dagen erbij, einde nu {DutchDate.WithWeekday(end)} (Awb 4:15 lid 1 onder a)."));
                previous = period;
            }
        }

        if (extension is { } extra)
        {
            EnsureExtensionAllowed(kind, extra, extraDaysAlready: 0, end);
            end = extra.EndFor(end);
            steps.Add(new TermStep(
                TermStepKind.Extension,
                end,
                $"Verlengd met {extra}: einde nu {DutchDate.WithWeekday(end)} ({kind.ExtensionSource})."));
        }

        var due = ApplyAtw(kind, firstDay, end, steps, calendar);
        var unknownYears = UnknownEquatedYears(kind, end, due, calendar);
        foreach (var year in unknownYears)
        {
            steps.Add(new TermStep(TermStepKind.EquatedDaysUnknown, due, UnknownEquatedYearText(year)));
        }

        steps.Add(new TermStep(TermStepKind.Due, due, $"Uiterste datum: {DutchDate.WithWeekday(due)}."));
        return new TermCalculation(kind, eventDate, firstDay, length, rawEnd, suspendedDays, extension, end, due, steps, unknownYears);
    }

    /// <summary>
    /// Awb 6:9: an objection is on time when received by the end of the term (lid 1), or, when posted, if it was
    /// posted before the end of the term and received no later than one week after it (lid 2).
    /// </summary>
    /// <param name="termEnd">The objection term's last day, after the Atw move.</param>
    /// <param name="postedOn">Postmark date, or null when not sent by post.</param>
    /// <param name="receivedOn">Day the authority received it.</param>
    /// <remarks>
    /// "Before the end" includes the last day itself: the term ends at midnight after it. The week after the end
    /// is counted as seven days, inclusive, without a further Atw move: the Atw governs the term, and lid 2
    /// is a grace rule about delivery.
    /// </remarks>
    public static bool IsObjectionOnTime(DateOnly termEnd, DateOnly? postedOn, DateOnly receivedOn)
    {
        if (postedOn is { } posted && posted > receivedOn)
        {
            throw new ArgumentException($"Posted on {posted}, after it was received on {receivedOn}.", nameof(postedOn));
        }

        if (receivedOn <= termEnd)
        {
            return true;
        }

        return postedOn is { } postmark && postmark <= termEnd && receivedOn <= termEnd.AddDays(7);
    }

    internal static void EnsureExtensionAllowed(TermKind kind, TermLength extra, int extraDaysAlready, DateOnly end)
    {
        if (!kind.ExtendableByNotice)
        {
            throw new InvalidOperationException($"Term kind '{kind.Id}' cannot be extended by notice.");
        }

        if (kind.MaximumExtension is { } max && extraDaysAlready + extra.DaysFrom(end) > max.DaysFrom(end))
        {
            throw new InvalidOperationException(
                $"Term kind '{kind.Id}' can be extended by at most {max} in total ({kind.ExtensionSource}); " +
                $"{extraDaysAlready} days were added already and {extra} more was asked.");
        }
    }

    /// <summary>
    /// The years of the end (before and after the Atw move) that no known besluit gelijkstelling covers, so a day the
    /// Crown equated with a holiday there cannot be known (Atw art. 3 lid 3). Empty when the Atw does not apply.
    /// </summary>
    public static IReadOnlyList<int> UnknownEquatedYears(TermKind kind, DateOnly endBeforeAtw, DateOnly due, DutchCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!kind.AtwApplies)
        {
            return [];
        }

        return Enumerable.Range(endBeforeAtw.Year, due.Year - endBeforeAtw.Year + 1).Where(y => !calendar.IsEquatedKnown(y)).ToList();
    }

    /// <summary>The flag in a term's explanation for a year without a known besluit gelijkstelling.</summary>
    public static string UnknownEquatedYearText(int year) =>
        $"Let op: de termijn eindigt in {year}, en voor dit jaar is geen besluit gelijkstelling bekend " +
        "(Algemene termijnenwet art. 3 lid 3). Een dag die de Kroon met een algemeen erkende feestdag gelijkstelt, " +
        "is dus niet meegeteld; controleer de uiterste datum.";

    /// <summary>Applies Atw art. 1 and 2 to the end (when the kind says it applies) and explains the move.</summary>
    internal static DateOnly ApplyAtw(TermKind kind, DateOnly firstDay, DateOnly end, List<TermStep> steps, DutchCalendar calendar)
    {
        if (!kind.AtwApplies)
        {
            return end;
        }

        var due = end;
        if (!calendar.IsWorkingDay(end))
        {
            due = calendar.NextWorkingDay(end);
            steps.Add(new TermStep(TermStepKind.AtwNextWorkingDay, due, ExplainMove(end, due, calendar)));
        }

        // Atw art. 2: a term of at least three days must hold at least two working days.
        if (end.DayNumber - firstDay.DayNumber + 1 >= 3)
        {
            var moved = due;
            while (!HasTwoWorkingDays(firstDay, moved, calendar))
            {
                moved = calendar.NextWorkingDay(moved);
            }

            if (moved != due)
            {
                due = moved;
                steps.Add(new TermStep(
                    TermStepKind.AtwTwoWorkingDays,
                    due,
                    $"De termijn bevat minder dan twee werkdagen: verlengd tot {DutchDate.WithWeekday(due)} (Algemene termijnenwet art. 2)."));
            }
        }

        return due;
    }

    private static bool HasTwoWorkingDays(DateOnly firstDay, DateOnly lastDay, DutchCalendar calendar)
    {
        var count = 0;
        for (var day = firstDay; day <= lastDay && count < 2; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count >= 2;
    }

    private static (TermLength? Length, DateOnly RawEnd) RawEnd(TermKind kind, DateOnly eventDate, TermLength? overrideLength, List<TermStep> steps)
    {
        switch (kind.EndRule)
        {
            case TermEndRule.FifteenJulyOfNextYear:
                if (overrideLength is not null)
                {
                    throw new ArgumentException($"Term kind '{kind.Id}' has a fixed date; its length cannot be overridden.", nameof(overrideLength));
                }

                var fixedEnd = new DateOnly(eventDate.Year + 1, 7, 15);
                steps.Add(new TermStep(
                    TermStepKind.RawEnd,
                    fixedEnd,
                    $"Vaste datum: 15 juli van het jaar na het besluitjaar {eventDate.Year}, {DutchDate.WithWeekday(fixedEnd)} ({kind.LegalSource})."));
                return (null, fixedEnd);

            case TermEndRule.Length:
                if (overrideLength is not null && !kind.LengthIsConfigurable)
                {
                    throw new ArgumentException($"Term kind '{kind.Id}' has a fixed length of {kind.Length}; it cannot be overridden.", nameof(overrideLength));
                }

                var length = overrideLength ?? kind.Length
                    ?? throw new InvalidOperationException($"Term kind '{kind.Id}' has no length.");
                var rawEnd = length.EndFor(eventDate);
                steps.Add(new TermStep(
                    TermStepKind.RawEnd,
                    rawEnd,
                    $"Termijn van {length} eindigt op {DutchDate.WithWeekday(rawEnd)} ({kind.LegalSource})."));
                return (length, rawEnd);

            default:
                throw new InvalidOperationException($"Unknown end rule {kind.EndRule}.");
        }
    }

    private static string ExplainMove(DateOnly end, DateOnly due, DutchCalendar calendar)
    {
        var nonWorking = new List<string>();
        var equated = calendar.IsEquated(end);
        for (var day = end.AddDays(1); day < due; day = day.AddDays(1))
        {
            nonWorking.Add($"{DutchDate.WithWeekday(day)} ({calendar.NonWorkingReason(day)})");
            equated |= calendar.IsEquated(day);
        }

        var also = nonWorking.Count == 0
            ? string.Empty
            : $"; ook {string.Join(", ", nonWorking[..^1])}{(nonWorking.Count > 1 ? " en " : string.Empty)}{nonWorking[^1]} " +
              $"{(nonWorking.Count > 1 ? "zijn" : "is")} geen werkdag";
        return $"Eindigt op {DutchDate.WithWeekday(end)}, {calendar.NonWorkingReason(end)}{also}: " +
               $"verschoven naar de eerstvolgende werkdag, {DutchDate.WithWeekday(due)} " +
               $"(Algemene termijnenwet art. 1{(equated ? " en art. 3 lid 3" : string.Empty)}).";
    }
}
