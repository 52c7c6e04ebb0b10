namespace Casework.Domain.Funding;

/// <summary>
/// A herkansing (second chance) is open only to a gemeente whose application for the same project was
/// rejected in the previous round, and only if this round opens within
/// <see cref="MaxWeeksAfterPreviousRoundClosed"/> weeks of the previous round closing.
/// </summary>
public sealed record HerkansingParameter(int MaxWeeksAfterPreviousRoundClosed, string Source);
