using Casework.Domain.Time;
using Casework.Web.Features.Pages;
using Casework.Workflows.Definitions;

namespace Casework.Web.Features.WorkQueue;

/// <summary>What a list needs to say who is to act on a case and by when.</summary>
internal sealed record CaseSituation(
    string State,
    StateDefinition? StateDefinition,
    bool Closed,
    string? RoutedTo,
    string? BodyCode,
    DateOnly? NextDue,
    string? NextKind,
    DateTimeOffset? WindowClosesAt);

/// <summary>
/// "What is expected of you": one Dutch sentence per case, from the state's owner in the pinned workflow definition
/// (initiator, routed, secretariat) and the running deadline, so a gemeente sees at a glance where it must act.
/// </summary>
internal static class Expectations
{
    public static (bool YourTurn, string Text) ForApplicant(CaseSituation s, string organisation, IReadOnlyDictionary<string, string> names)
    {
        if (s.Closed || s.StateDefinition?.Owner == StateOwner.None)
        {
            return (false, "Niets: de zaak is afgesloten.");
        }

        if (s.StateDefinition is { Owner: StateOwner.Initiator, Task: { } task })
        {
            // The definition says what the gemeente is to do here; the running deadline (or the round's window) says by when.
            var by = (s.NextDue, s.WindowClosesAt) switch
            {
                ({ } due, _) => $" vóór {NlFormat.Date(due)}",
                (null, { } closes) => $" vóór {NlFormat.DateTimeWithHour(closes)}",
                _ => string.Empty,
            };
            return (true, task + by);
        }

        if (s.StateDefinition?.Owner == StateOwner.Initiator || s.RoutedTo == organisation)
        {
            var until = s.NextDue is { } end ? $" Uiterlijk {NlFormat.Date(end)}." : string.Empty;
            return (true, $"U bent aan zet: {s.StateDefinition?.Description ?? s.State}{until}");
        }

        if (s.NextKind == TermKinds.Bezwaartermijn.Id && s.NextDue is { } objectionEnd)
        {
            return (false, $"Niets verplicht. Bezwaar maken kan tot en met {NlFormat.Date(objectionEnd)}.");
        }

        return (false, "Niets: " + WhoActs(s, names) + " is aan zet.");
    }

    public static (bool YourTurn, string Text) ForQueue(CaseSituation s, IReadOnlyDictionary<string, string> names) =>
        (s.StateDefinition?.Owner is StateOwner.Routed, WhoActs(s, names));

    private static string WhoActs(CaseSituation s, IReadOnlyDictionary<string, string> names) => s.StateDefinition?.Owner switch
    {
        StateOwner.Secretariat when s.BodyCode is { } body => "het secretariaat van " + names.GetValueOrDefault(body, body),
        StateOwner.Initiator => "de indiener",
        _ when s.RoutedTo is { } routed => names.GetValueOrDefault(routed, routed),
        _ => "de behandelaar",
    };
}
