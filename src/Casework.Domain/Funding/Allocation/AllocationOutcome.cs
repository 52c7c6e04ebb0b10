using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>What one ranked application gets.</summary>
public abstract record AllocationOutcome
{
    public abstract Money Amount { get; }
}

/// <summary>The requested amount in full.</summary>
public sealed record FullAward(Money Amount) : AllocationOutcome
{
    public override Money Amount { get; } = Amount;
}

/// <summary>Less than requested, because the ceiling is reached: the last application that fits only partly.</summary>
public sealed record PartialAward(Money Amount, Money Requested) : AllocationOutcome
{
    public const string Reason = "plafond bereikt: gedeeltelijke toekenning";

    public override Money Amount { get; } = Amount;
}

/// <summary>Nothing, with the reason for the decision letter.</summary>
public sealed record Rejected(string Code, string Reason) : AllocationOutcome
{
    public const string CeilingReached = "plafond bereikt";
    public const string OneAwardPerGemeente = "één uitkering per gemeente";

    public override Money Amount => Money.Zero;
}

/// <summary>One ranked application and its outcome.</summary>
public sealed record Allocation(RankedApplication Application, AllocationOutcome Outcome);

/// <summary>The outcome for every ranked application, in rank order.</summary>
public sealed record AllocationResult(IReadOnlyList<Allocation> Allocations)
{
    public Money TotalAwarded => Allocations.Aggregate(Money.Zero, (sum, a) => sum + a.Outcome.Amount);

    public AllocationOutcome OutcomeFor(string applicationReference) =>
        Allocations.Single(a => a.Application.ApplicationReference == applicationReference).Outcome;
}
