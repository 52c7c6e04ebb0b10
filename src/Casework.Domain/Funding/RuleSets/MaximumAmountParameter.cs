using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// Maximum amount per application: a fixed amount, a share of the round's ceiling, or both
/// (then the lower one applies).
/// </summary>
public sealed record MaximumAmountParameter
{
    public Money? FixedAmount { get; init; }

    public decimal? ShareOfCeiling { get; init; }

    public required string Source { get; init; }

    public Money For(Money ceiling)
    {
        Money? byShare = ShareOfCeiling is { } share ? ceiling * share : null;
        return (FixedAmount, byShare) switch
        {
            ({ } fixedAmount, { } shareAmount) => Money.Min(fixedAmount, shareAmount),
            ({ } fixedAmount, null) => fixedAmount,
            (null, { } shareAmount) => shareAmount,
            _ => throw new InvalidOperationException("A maximum amount needs a fixed amount or a share of the ceiling."),
        };
    }
}
