using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>VHF 2021: at least the minimum homes <em>or</em> at least the minimum investment volume.</summary>
public sealed class VhfMinimumHomesOrVolumeRule(
    int homes,
    Money? investmentVolume,
    MinimumHomesParameter minimumHomes,
    RuleParameter<Money> minimumVolume) : IBusinessRule
{
    public string Code => "VHF-MIN-WONINGEN-OF-VOLUME";

    public string Source => minimumVolume.Source;

    public bool IsBroken() =>
        homes < minimumHomes.Homes && (investmentVolume is not { } volume || volume < minimumVolume.Value);

    public string Message =>
        $"Het project telt {Dutch.Number(homes)} woningen en heeft een investeringsvolume van " +
        $"{(investmentVolume is { } volume ? Dutch.Euro(volume) : "(niet opgegeven)")}; nodig is ten minste " +
        $"{Dutch.Number(minimumHomes.Homes)} woningen of {Dutch.Euro(minimumVolume.Value)}.";
}
