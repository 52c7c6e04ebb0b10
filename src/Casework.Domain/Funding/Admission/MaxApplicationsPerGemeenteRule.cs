using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A gemeente (for a regio: the lead) files at most the round's number of applications (WBI from T4: 3). The message names
/// no gemeente code: the gemeente itself and the loket read it on the application's own page.
/// </summary>
public sealed class MaxApplicationsPerGemeenteRule(
    Regeling regeling,
    int alreadySubmitted,
    RuleParameter<int> maximum) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-MAX-AANVRAGEN";

    public string Source => maximum.Source;

    private int ThisOne => alreadySubmitted + 1;

    public bool IsBroken() => ThisOne > maximum.Value;

    public string Message =>
        $"Dit is de {Dutch.Ordinal(ThisOne)} aanvraag van deze gemeente in deze ronde; " +
        $"het maximum is {Dutch.Number(maximum.Value)}.";
}
