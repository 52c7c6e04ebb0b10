using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>An application is judged only against a round of its own regeling.</summary>
public sealed class ApplicationMatchesRoundRule(Regeling applicationRegeling, FundingRuleSet round) : IBusinessRule
{
    public string Code => $"{applicationRegeling.Prefix()}-REGELING";

    public string Source => round.WindowSource;

    public bool IsBroken() => applicationRegeling != round.Regeling;

    public string Message =>
        $"De aanvraag is voor {applicationRegeling.Prefix()}, maar ronde {round.Round} hoort bij {round.Regeling.Prefix()}.";
}
