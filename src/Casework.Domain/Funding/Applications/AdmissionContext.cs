using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A round as the admission rules see it: its rule set, window (instants in UTC), ceiling and
/// announcement date. <see cref="ClosesAt"/> is null for a round announced without an end (WBI T2).
/// </summary>
public sealed record RoundFacts(
    FundingRuleSet RuleSet,
    DateTimeOffset OpensAt,
    DateTimeOffset? ClosesAt,
    Money Ceiling,
    DateOnly? AnnouncedOn)
{
    public Regeling Regeling => RuleSet.Regeling;

    public string Name => RuleSet.Round;
}

/// <summary>A CBS population figure with its reference date (CBS counts on 1 January).</summary>
public sealed record PopulationFact(int Inhabitants, DateOnly ReferenceDate)
{
    /// <summary>True when no figure existed at the wanted date and the nearest one stands in.</summary>
    public bool IsStandIn { get; init; }

    /// <summary>
    /// The figure in force on <paramref name="announcedOn"/>: the latest one with a reference date on or before
    /// it. When all figures are later (rounds announced before 2023; see data/README.md), the earliest one stands in.
    /// </summary>
    public static PopulationFact InForceOn(IEnumerable<PopulationFact> figures, DateOnly announcedOn)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var ordered = figures.OrderBy(f => f.ReferenceDate).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("At least one population figure is needed.", nameof(figures));
        }

        var inForce = ordered.LastOrDefault(f => f.ReferenceDate <= announcedOn);
        return inForce ?? ordered[0] with { IsStandIn = true };
    }
}

/// <summary>
/// What is known about the previous application a herkansing refers to. <see cref="IsSameProject"/> is the RVO
/// loket's judgement: null while it has not recorded one.
/// </summary>
public sealed record HerkansingFacts(
    string PreviousApplicationReference,
    string PreviousApplicantCbsCode,
    bool WasRejected,
    bool? IsSameProject,
    DateTimeOffset PreviousRoundClosedAt);

/// <summary>The facts from outside the application that the admission rules need.</summary>
public sealed record AdmissionContext
{
    public required RoundFacts Round { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The applicant gemeente's population at the round's reference date (WBI T4-T5).</summary>
    public PopulationFact? ApplicantPopulation { get; init; }

    public bool AreaIsStedelijkFocusgebied { get; init; }

    /// <summary>The gemeente the project's area lies in, where that is known (a focusgebied's gemeente); else null.</summary>
    public string? AreaGemeenteCbsCode { get; init; }

    /// <summary>WBI T3: the project lies in one of the 13 designated housing-market regions.</summary>
    public bool AreaIsInDesignatedHousingMarketRegion { get; init; }

    /// <summary>Applications this gemeente already submitted in the round, this one not included.</summary>
    public int ApplicationsAlreadySubmittedByGemeente { get; init; }

    public bool GemeenteAlreadyAwardedInRound { get; init; }

    public HerkansingFacts? PreviousApplication { get; init; }

    /// <summary>
    /// False at submission (the gemeente files before the loket can judge "same project"); true from the
    /// admission check on, when a herkansing without the loket's judgement is not admissible.
    /// </summary>
    public bool LoketJudgementsRequired { get; init; }

    /// <summary>The informatieobjecttypen of the documents the application's dossier holds (docs/design.md, "Documents").</summary>
    public IReadOnlySet<string> DocumentTypesPresent { get; init; } = new HashSet<string>();
}
