using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>A gemeente (for a regio: the lead) files at most the round's number of applications (WBI from T4: 3).</summary>
public sealed class MaxApplicationsPerGemeenteRule(
    Regeling regeling,
    string gemeenteCbsCode,
    int alreadySubmitted,
    RuleParameter<int> maximum) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-MAX-AANVRAGEN";

    public string Source => maximum.Source;

    private int ThisOne => alreadySubmitted + 1;

    public bool IsBroken() => ThisOne > maximum.Value;

    public string Message =>
        $"Dit is de {Dutch.Ordinal(ThisOne)} aanvraag van gemeente {gemeenteCbsCode} in deze ronde; " +
        $"het maximum is {Dutch.Number(maximum.Value)}.";
}
