using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The requested amount is at most the round's maximum per application: a fixed amount (VHF 2023: EUR 28M)
/// or a share of the round's ceiling as it stands at submission (VHF from 13 May 2024: 10%).
/// </summary>
public sealed class RequestedAmountWithinMaximumRule(
    Regeling regeling,
    Money requestedAmount,
    Money roundCeiling,
    MaximumAmountParameter maximum) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-MAX-BEDRAG";

    public string Source => maximum.Source;

    public Money Maximum => maximum.For(roundCeiling);

    public bool IsBroken() => requestedAmount > Maximum;

    public string Message
    {
        get
        {
            var basis = maximum.ShareOfCeiling is { } share && Maximum != maximum.FixedAmount
                ? $" ({Dutch.Percent(share)} van het plafond van {Dutch.Euro(roundCeiling)})"
                : string.Empty;
            return $"Het aangevraagde bedrag is {Dutch.Euro(requestedAmount)}; het maximum per aanvraag is {Dutch.Euro(Maximum)}{basis}.";
        }
    }
}
