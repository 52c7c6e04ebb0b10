using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// Every parameter of one round's rules, each with its legal source. A new round is new data: copy a
/// previous rule set with <c>with { ... }</c> and raise <see cref="RuleSetVersion"/>.
/// A parameter that is <c>null</c> does not apply in the round.
/// </summary>
public sealed record FundingRuleSet
{
    public required int RuleSetVersion { get; init; }

    public required Regeling Regeling { get; init; }

    public required string Round { get; init; }

    /// <summary>Source of the application window (tijdvak) the round is announced with.</summary>
    public required string WindowSource { get; init; }

    public required MinimumHomesParameter MinimumHomes { get; init; }

    /// <summary>VHF 2021: a project passes with the minimum homes <em>or</em> this investment volume.</summary>
    public RuleParameter<Money>? AlternativeMinimumVolume { get; init; }

    /// <summary>Minimum share of affordable homes (sociale huur, middenhuur, betaalbare koop) of all homes.</summary>
    public RuleParameter<decimal>? AffordableShareMinimum { get; init; }

    /// <summary>Highest koop price at which a koop home counts as betaalbare koop.</summary>
    public RuleParameter<Money>? KoopPriceLimit { get; init; }

    /// <summary>Minimum own contribution (WBI) or co-financing (VHF) as a share of the financial deficit.</summary>
    public RuleParameter<decimal>? OwnContributionShareOfDeficit { get; init; }

    /// <summary>Maximum gemeente project costs as a share of the requested amount.</summary>
    public RuleParameter<decimal>? ProjectCostCapShareOfRequest { get; init; }

    public MaximumAmountParameter? MaximumAmountPerApplication { get; init; }

    /// <summary>Minimum share of the requested amount for primary activities (the rest is secondary).</summary>
    public RuleParameter<decimal>? PrimaryActivitiesShareMinimum { get; init; }

    public RuleParameter<int>? MaxApplicationsPerGemeente { get; init; }

    /// <summary>A gemeente may apply several times but receives at most one award in the round.</summary>
    public RuleParameter<bool>? OneAwardPerGemeente { get; init; }

    public HerkansingParameter? Herkansing { get; init; }

    public required ScoringScheme Scoring { get; init; }

    /// <summary>Extra points in the ranking for a gemeente without an earlier award (VHF from round 4).</summary>
    public PriorityPointsParameter? PriorityPoints { get; init; }

    /// <summary>Part of the ceiling that goes first to one category of application (WBI T6: student housing).</summary>
    public PriorityBudgetParameter? PriorityBudget { get; init; }

    /// <summary>How the beslistermijn runs in the round; where no source names one, Awb 4:13 lid 2 (eight weeks from receipt).</summary>
    public BeslistermijnParameter Beslistermijn { get; init; } = BeslistermijnParameter.Awb413Lid2;

    /// <summary>
    /// The document types (informatieobjecttype codes of the dossier's catalogue) an application must carry at
    /// submission, each with its source. Null on the seeded historic rounds, which ran before the dossier and whose
    /// sources name none: they require none. A round announced in Casework on such a round gets
    /// <see cref="StandardRequiredDocuments"/>; an explicit empty list requires none.
    /// </summary>
    public IReadOnlyList<RequiredDocumentParameter>? RequiredDocuments { get; init; }

    /// <summary>Construction starts within this many years of the decision.</summary>
    public required RuleParameter<int> StartConstructionYears { get; init; }

    /// <summary>The project is complete within this many years of the decision.</summary>
    public required RuleParameter<int> CompletionYears { get; init; }
}
