using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// VHF from round 4: at least the round's share of the requested amount is for primary activities
/// (the rest, gemeente project costs included, is secondary).
/// </summary>
public sealed class PrimaryActivitiesShareAtLeastRule(
    Regeling regeling,
    Money requestedAmount,
    Money? primaryActivitiesAmount,
    RuleParameter<decimal> minimumShare) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-PRIMAIRE-ACTIVITEITEN";

    public string Source => minimumShare.Source;

    private decimal RequiredEuros => requestedAmount.Euros * minimumShare.Value;

    public bool IsBroken() => primaryActivitiesAmount is not { } primary || primary.Euros < RequiredEuros;

    public string Message => primaryActivitiesAmount is { } primary
        ? $"Voor primaire activiteiten is {Dutch.Euro(primary)} aangevraagd van {Dutch.Euro(requestedAmount)}; " +
          $"ten minste {Dutch.Percent(minimumShare.Value)} ({Dutch.Euro(new Money(RequiredEuros))}) is vereist."
        : $"Het bedrag voor primaire activiteiten is niet opgegeven; ten minste {Dutch.Percent(minimumShare.Value)} " +
          $"van het aangevraagde bedrag ({Dutch.Euro(new Money(RequiredEuros))}) is vereist.";
}
