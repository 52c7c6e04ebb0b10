using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A WBI project has at least the round's minimum number of homes: a plain minimum, a higher one in a
/// designated housing-market region (T3), or a higher one for a gemeente with more than the threshold of
/// inhabitants on the CBS figure in force when the round was announced (T4-T5).
/// </summary>
public sealed class WbiProjectNeedsMinimumHomesRule(
    int homes,
    MinimumHomesParameter minimum,
    PopulationFact? applicantPopulation,
    bool inDesignatedHousingMarketRegion) : IBusinessRule
{
    public string Code => "WBI-MIN-WONINGEN";

    public string Source => minimum.Source;

    private bool PopulationNeededButUnknown => minimum.InhabitantsThreshold is not null && applicantPopulation is null;

    private bool AboveThreshold =>
        minimum.InhabitantsThreshold is { } threshold && applicantPopulation is { } population
        && population.Inhabitants > threshold;

    /// <summary>The minimum that applies to this project.</summary>
    public int RequiredMinimum
    {
        get
        {
            var required = minimum.Homes;
            if (AboveThreshold && minimum.HomesAboveThreshold is { } aboveThreshold)
            {
                required = Math.Max(required, aboveThreshold);
            }

            if (inDesignatedHousingMarketRegion && minimum.HomesInDesignatedRegion is { } inRegion)
            {
                required = Math.Max(required, inRegion);
            }

            return required;
        }
    }

    public bool IsBroken() => PopulationNeededButUnknown || homes < RequiredMinimum;

    public string Message
    {
        get
        {
            if (PopulationNeededButUnknown)
            {
                return $"Het inwonertal van de gemeente is niet bekend; het minimum aantal woningen hangt ervan af " +
                    $"(meer dan {Dutch.Number(minimum.InhabitantsThreshold!.Value)} inwoners: " +
                    $"{Dutch.Number(minimum.HomesAboveThreshold ?? minimum.Homes)}, anders {Dutch.Number(minimum.Homes)}).";
            }

            var which = "het minimum is";
            if (minimum.InhabitantsThreshold is { } threshold && applicantPopulation is { } population)
            {
                var standIn = population.IsStandIn ? ", bij gebrek aan een eerder cijfer" : string.Empty;
                which = $"voor een gemeente met {(AboveThreshold ? "meer" : "niet meer")} dan {Dutch.Number(threshold)} inwoners " +
                    $"(CBS {Dutch.Date(population.ReferenceDate)}: {Dutch.Number(population.Inhabitants)}{standIn}) is het minimum";
            }
            else if (inDesignatedHousingMarketRegion && minimum.HomesInDesignatedRegion is not null)
            {
                which = "in een aangewezen woningmarktregio is het minimum";
            }

            return $"Het project telt {Dutch.Number(homes)} woningen; {which} {Dutch.Number(RequiredMinimum)}.";
        }
    }
}
