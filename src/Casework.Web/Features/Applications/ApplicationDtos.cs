using Casework.Domain.Funding;

namespace Casework.Web.Features.Applications;

public sealed record HomesDto(int SocialeHuur, int Middenhuur, int BetaalbareKoop, int Other);

public sealed record ResidentsInterestsDto(
    bool RightOfReturn,
    string? RightOfReturnExplanation,
    bool RehousingArranged,
    string? RehousingPlan,
    bool ResidentParticipation,
    string? ParticipationPlan);

/// <summary>
/// The body of <c>POST /applications</c> and <c>PUT /applications/{id}</c>: a VHF or WBI application for a round.
/// The area is a stedelijk focusgebied (<c>focusgebied</c>, its code) or another area (<c>otherArea</c>), not both.
/// A regio lists its other gemeenten in <c>jointMembers</c>; the caller's gemeente is the lead.
/// </summary>
public sealed record ApplicationRequest(
    Guid TrancheId,
    string? ProjectName,
    string? Focusgebied,
    string? OtherArea,
    IReadOnlyList<string>? JointMembers,
    HomesDto? Homes,
    decimal? MaxKoopPrice,
    decimal? InvestmentVolume,
    decimal FinancialDeficit,
    decimal RequestedAmount,
    decimal OwnContribution,
    decimal? GemeenteProjectCosts,
    decimal? PrimaryActivitiesAmount,
    decimal? SecondaryActivitiesAmount,
    DateOnly PlannedConstructionStartDate,
    DateOnly PlannedCompletionDate,
    ResidentsInterestsDto? ResidentsInterests,
    bool Herkansing,
    string? PreviousApplicationReference)
{
    /// <summary>The project provides student housing (WBI T6 reserves EUR 20M of its ceiling for these).</summary>
    public bool StudentHousing { get; init; }
}

public sealed record ApplicationDto(
    Guid Id,
    string Reference,
    Guid TrancheId,
    Regeling Regeling,
    string Round,
    string State,
    string StateLabel,
    int Version,
    string Applicant,
    IReadOnlyList<string> JointMembers,
    string ProjectName,
    string? Focusgebied,
    string? OtherArea,
    HomesDto Homes,
    int TotalHomes,
    int AffordableHomes,
    decimal? MaxKoopPrice,
    decimal? InvestmentVolume,
    decimal FinancialDeficit,
    decimal RequestedAmount,
    decimal OwnContribution,
    decimal GemeenteProjectCosts,
    decimal? PrimaryActivitiesAmount,
    decimal? SecondaryActivitiesAmount,
    DateOnly PlannedConstructionStartDate,
    DateOnly PlannedCompletionDate,
    ResidentsInterestsDto? ResidentsInterests,
    bool Herkansing,
    string? PreviousApplicationReference,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyDictionary<string, decimal>? Scores,
    decimal? TotalScore,
    CommitteeAdvice? Advice,
    decimal? AwardedAmount) : Api.IVersioned
{
    public bool StudentHousing { get; init; }

    /// <summary>The besluit (action id) proposed under the vier-ogenprincipe and awaiting a colleague's confirmation; null when none.</summary>
    public string? ProposedDecision { get; init; }

    /// <summary>The earlier application the RVO loket linked this herkansing to.</summary>
    public Guid? HerkansingOfApplicationId { get; init; }

    /// <summary>The loket's judgement that the herkansing is the same project; null until it judged.</summary>
    public bool? HerkansingSameProject { get; init; }

    /// <summary>Per bijlage the round requires at submission: whether the dossier holds one (empty: the round requires none).</summary>
    public IReadOnlyList<RequiredDocumentDto> RequiredDocuments { get; init; } = [];
}

/// <summary>A bijlage the round requires (its informatieobjecttype, Dutch label and source) and whether the application's dossier holds one.</summary>
public sealed record RequiredDocumentDto(string Informatieobjecttype, string Label, string Source, bool Present);
