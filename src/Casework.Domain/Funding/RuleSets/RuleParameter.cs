namespace Casework.Domain.Funding;

/// <summary>One round parameter with the legal text it comes from.</summary>
public sealed record RuleParameter<T>(T Value, string Source);
