using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// An application counts only when submitted within the round's window: opening and closing instants both
/// inclusive (a submission stamped exactly at the closing instant is on time; any later one is late).
/// </summary>
public sealed class SubmittedWithinWindowRule(
    Regeling regeling,
    DateTimeOffset submittedAt,
    DateTimeOffset opensAt,
    DateTimeOffset? closesAt,
    string source) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-TIJDVAK";

    public string Source => source;

    public bool IsBroken() => submittedAt < opensAt || (closesAt is { } close && submittedAt > close);

    public string Message => submittedAt < opensAt
        ? $"De aanvraag is ingediend op {Dutch.Instant(submittedAt)}; het tijdvak opent pas op {Dutch.Instant(opensAt)}."
        : $"De aanvraag is ingediend op {Dutch.Instant(submittedAt)}; het tijdvak sloot op {Dutch.Instant(closesAt ?? opensAt)}.";
}
