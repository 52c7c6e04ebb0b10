namespace Casework.Domain.Time;

/// <summary>
/// A period in which a term does not run, as the half-open range [<see cref="From"/>, <see cref="Until"/>):
/// <see cref="From"/> is the first suspended day, <see cref="Until"/> the day the term runs again.
/// </summary>
/// <remarks>
/// Awb 4:15 lid 1 onder a: suspended "met ingang van de dag na die waarop de aanvrager ... is uitgenodigd de
/// aanvraag aan te vullen, tot de dag waarop de aanvraag is aangevuld of de daarvoor gestelde termijn
/// ongebruikt is verstreken". "Met ingang van" includes the day after the request; "tot" excludes the day of
/// completion (the term runs again on it). A herstel term that ends on day D is still open on D, so it has
/// expired unused on D + 1 and D itself is suspended.
/// </remarks>
public sealed record SuspensionPeriod
{
    public SuspensionPeriod(DateOnly from, DateOnly until)
    {
        if (until < from)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"A suspension cannot end ({until}) before it starts ({from}).");
        }

        From = from;
        Until = until;
    }

    public DateOnly From { get; }

    public DateOnly Until { get; }

    public int Days => Until.DayNumber - From.DayNumber;

    /// <summary>Request to complete sent on <paramref name="requestedOn"/>, application completed on <paramref name="completedOn"/>.</summary>
    public static SuspensionPeriod ForCompletedApplication(DateOnly requestedOn, DateOnly completedOn) =>
        new(requestedOn.AddDays(1), completedOn);

    /// <summary>Request to complete sent on <paramref name="requestedOn"/>; the herstel term's last day passed unused.</summary>
    public static SuspensionPeriod ForExpiredHerstelTerm(DateOnly requestedOn, DateOnly herstelTermLastDay) =>
        new(requestedOn.AddDays(1), herstelTermLastDay.AddDays(1));
}
