using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>The gemeente's own project costs are at most the round's share of the requested amount (VHF 2021).</summary>
public sealed class ProjectCostsWithinCapRule(
    Regeling regeling,
    Money projectCosts,
    Money requestedAmount,
    RuleParameter<decimal> maximumShare) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-PROJECTKOSTEN";

    public string Source => maximumShare.Source;

    private decimal CapEuros => requestedAmount.Euros * maximumShare.Value;

    public bool IsBroken() => projectCosts.Euros > CapEuros;

    public string Message =>
        $"De projectkosten van de gemeente zijn {Dutch.Euro(projectCosts)}; ten hoogste {Dutch.Percent(maximumShare.Value)} " +
        $"van het aangevraagde bedrag van {Dutch.Euro(requestedAmount)} is toegestaan ({Dutch.Euro(new Money(CapEuros))}).";
}
