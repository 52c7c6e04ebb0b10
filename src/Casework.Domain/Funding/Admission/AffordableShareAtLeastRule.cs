using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>At least the round's share of the homes is affordable (exact: 50% passes, 49.99% fails).</summary>
public sealed class AffordableShareAtLeastRule(Regeling regeling, HomesByCategory homes, RuleParameter<decimal> minimumShare)
    : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-BETAALBAAR-AANDEEL";

    public string Source => minimumShare.Source;

    public bool IsBroken() => homes.Total <= 0 || homes.Affordable < homes.Total * minimumShare.Value;

    public string Message => homes.Total <= 0
        ? $"Het project telt geen woningen; ten minste {Dutch.Percent(minimumShare.Value)} moet betaalbaar zijn."
        : $"Het project telt {Dutch.Number(homes.Affordable)} betaalbare van {Dutch.Number(homes.Total)} woningen " +
          $"({Dutch.Percent((decimal)homes.Affordable / homes.Total)}); het minimum is {Dutch.Percent(minimumShare.Value)}.";
}
