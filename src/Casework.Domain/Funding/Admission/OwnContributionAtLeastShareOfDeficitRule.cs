using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The own contribution (WBI) or co-financing (VHF) is at least the round's share of the financial deficit.
/// Compared as contribution >= deficit x share, so 50% passes and 49.99% fails without division rounding.
/// </summary>
public sealed class OwnContributionAtLeastShareOfDeficitRule(
    Regeling regeling,
    Money ownContribution,
    Money financialDeficit,
    RuleParameter<decimal> minimumShare) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-EIGEN-BIJDRAGE";

    public string Source => minimumShare.Source;

    private string What => regeling == Regeling.Vhf ? "cofinanciering" : "eigen bijdrage";

    private decimal RequiredEuros => financialDeficit.Euros * minimumShare.Value;

    public bool IsBroken() => financialDeficit.Euros <= 0m || ownContribution.Euros < RequiredEuros;

    public string Message => financialDeficit.Euros <= 0m
        ? $"Het financiële tekort is {Dutch.Euro(financialDeficit)}; zonder tekort is er geen {What} van ten minste " +
          $"{Dutch.Percent(minimumShare.Value)} te toetsen."
        : $"De {What} is {Dutch.Euro(ownContribution)}, {Dutch.Percent(ownContribution.Euros / financialDeficit.Euros)} " +
          $"van het financiële tekort van {Dutch.Euro(financialDeficit)}; het minimum is {Dutch.Percent(minimumShare.Value)} " +
          $"({Dutch.Euro(new Money(RequiredEuros))}).";
}
