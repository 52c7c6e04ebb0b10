namespace Casework.Domain.Funding;

/// <summary>VHF: how current residents' interests are served (assessed by the committee, NPLV 4.2.2).</summary>
public sealed record ResidentsInterests(
    bool RightOfReturn,
    string? RightOfReturnExplanation,
    bool RehousingArranged,
    string? RehousingPlan,
    bool ResidentParticipation,
    string? ParticipationPlan);
