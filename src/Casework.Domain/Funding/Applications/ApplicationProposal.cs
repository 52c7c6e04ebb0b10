using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The facts of one application as the gemeente filed them. For a regio, <see cref="ApplicantCbsCode"/> is the
/// lead gemeente (it files, receives and counts for the per-gemeente limits) and
/// <see cref="JointMemberCbsCodes"/> are the other gemeenten.
/// </summary>
public sealed record ApplicationProposal
{
    public required Regeling Regeling { get; init; }

    public required string ApplicantCbsCode { get; init; }

    public IReadOnlyList<string> JointMemberCbsCodes { get; init; } = [];

    public required string ProjectName { get; init; }

    public required ProjectArea Area { get; init; }

    public required HomesByCategory Homes { get; init; }

    /// <summary>Highest sale price among the betaalbare koop homes; null when there are none.</summary>
    public Money? MaxKoopPrice { get; init; }

    /// <summary>VHF 2021: the project's total investment volume (the alternative to the minimum homes).</summary>
    public Money? InvestmentVolume { get; init; }

    /// <summary>The demonstrable public financial deficit (onrendabele top).</summary>
    public required Money FinancialDeficit { get; init; }

    public required Money RequestedAmount { get; init; }

    /// <summary>The parties' own contribution (WBI) or the gemeente's co-financing (VHF).</summary>
    public required Money OwnContribution { get; init; }

    /// <summary>The gemeente's own project costs included in the request.</summary>
    public Money GemeenteProjectCosts { get; init; } = Money.Zero;

    /// <summary>VHF from round 4: part of the request for primary activities.</summary>
    public Money? PrimaryActivitiesAmount { get; init; }

    /// <summary>VHF from round 4: part of the request for secondary activities (includes project costs).</summary>
    public Money? SecondaryActivitiesAmount { get; init; }

    public required DateOnly PlannedConstructionStart { get; init; }

    public required DateOnly PlannedCompletion { get; init; }

    public ResidentsInterests? ResidentsInterests { get; init; }

    /// <summary>The project provides student housing (WBI T6 reserves part of its ceiling for these).</summary>
    public bool StudentHousing { get; init; }

    public bool IsHerkansing { get; init; }

    public string? PreviousApplicationReference { get; init; }

    public bool IsJointApplication => JointMemberCbsCodes.Count > 0;
}
