namespace Casework.Domain.Funding;

/// <summary>From which event a round's beslistermijn counts.</summary>
public enum BeslistermijnStart
{
    /// <summary>From the receipt of the application (Awb 4:13 lid 2, and a regeling that says so).</summary>
    Ontvangst,

    /// <summary>From the close of the tijdvak (a regeling that decides all applications of a round together).</summary>
    SluitingTijdvak,
}

/// <summary>
/// How a round's beslistermijn (decision term) runs: a term the regeling names, with its start and its source, or,
/// where no source names one, Awb 4:13 lid 2: eight weeks from receipt (docs/domain.md, "Legal clock"). No VHF or
/// WBI text found so far names its own term, so every seeded round has the Awb default; a round announced later may
/// carry its regeling's term as data.
/// </summary>
/// <param name="Weeks">The length in weeks.</param>
/// <param name="Start">The event it counts from (the event day itself does not count).</param>
/// <param name="Source">The article of the regeling, or <c>Awb 4:13 lid 2</c>.</param>
public sealed record BeslistermijnParameter(int Weeks, BeslistermijnStart Start, string Source)
{
    public const string Awb413Lid2Source = "Awb 4:13 lid 2";

    /// <summary>Upper bound for a term a regeling names (ontwerpkeuze: catches a typing error).</summary>
    public const int MaxWeeks = 104;

    /// <summary>No source names a beslistermijn: eight weeks from receipt (Awb 4:13 lid 2).</summary>
    public static BeslistermijnParameter Awb413Lid2 { get; } = new(8, BeslistermijnStart.Ontvangst, Awb413Lid2Source);

    /// <summary>True when no regeling names the term and Awb 4:13 lid 2 applies (shown as such on the round).</summary>
    public bool IsAwbDefault => this == Awb413Lid2;

    /// <summary>Dutch, for the round page and the case: e.g. "8 weken na ontvangst van de aanvraag".</summary>
    public string Describe() =>
        $"{Weeks} weken na {(Start == BeslistermijnStart.SluitingTijdvak ? "sluiting van het tijdvak" : "ontvangst van de aanvraag")}" +
        (IsAwbDefault ? "; de regeling noemt geen beslistermijn, dus geldt Awb 4:13 lid 2" : string.Empty);

    /// <summary>The day the term counts from: the receipt, or the close of the tijdvak when that is later.</summary>
    public DateOnly EventDate(DateOnly receivedOn, DateOnly? tijdvakClosesOn) =>
        Start == BeslistermijnStart.SluitingTijdvak && tijdvakClosesOn is { } closes && closes > receivedOn ? closes : receivedOn;

    /// <summary>Why the parameter cannot be used (for a round announced with overrides); null when it can.</summary>
    public string? WhyInvalid() =>
        Weeks is < 1 or > MaxWeeks ? $"De beslistermijn is 1 tot {MaxWeeks} weken, niet {Weeks}."
        : string.IsNullOrWhiteSpace(Source) ? "Noem de bron van de beslistermijn (het artikel van de regeling, of Awb 4:13 lid 2)."
        : null;
}
