namespace Casework.Domain.Funding;

/// <summary>Which population figure a gemeente-size threshold is judged on.</summary>
public enum PopulationReference
{
    /// <summary>The round has no gemeente-size threshold.</summary>
    NotApplicable,

    /// <summary>The CBS figure in force when the round was announced (WBI T4-T5).</summary>
    CbsFigureAtRoundAnnouncement,
}

/// <summary>
/// Minimum project size in homes. <see cref="Homes"/> is the base minimum; the optional parts raise it:
/// for a gemeente with more than <see cref="InhabitantsThreshold"/> inhabitants
/// (<see cref="HomesAboveThreshold"/>), for a project in a designated housing-market region
/// (<see cref="HomesInDesignatedRegion"/>, WBI T3) or in a stedelijk focusgebied
/// (<see cref="HomesInStedelijkFocusgebied"/>, VHF 2023+).
/// </summary>
public sealed record MinimumHomesParameter
{
    public required int Homes { get; init; }

    /// <summary>Strictly more inhabitants than this raises the minimum; exactly this many does not.</summary>
    public int? InhabitantsThreshold { get; init; }

    public int? HomesAboveThreshold { get; init; }

    public PopulationReference PopulationReference { get; init; } = PopulationReference.NotApplicable;

    public int? HomesInDesignatedRegion { get; init; }

    /// <summary>
    /// Which reference list of designated housing-market regions <see cref="HomesInDesignatedRegion"/> refers to
    /// (reference data, so the regions and their gemeenten are data, not code).
    /// </summary>
    public string? DesignatedRegionSet { get; init; }

    public int? HomesInStedelijkFocusgebied { get; init; }

    public required string Source { get; init; }
}
