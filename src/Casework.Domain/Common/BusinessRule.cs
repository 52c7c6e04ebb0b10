namespace Casework.Domain.Common;

/// <summary>
/// A named rule of the domain. Its type name reads as the rule; it can say why it failed and
/// which regulation it comes from, so the client sees the code, the message and the legal source.
/// </summary>
public interface IBusinessRule
{
    /// <summary>Stable code, e.g. <c>WBI-MIN-HOMES</c>. Clients may switch on it.</summary>
    string Code { get; }

    /// <summary>The regulation article, e.g. <c>Regeling Woningbouwimpuls 2020 art. 2(4)</c>.</summary>
    string Source { get; }

    bool IsBroken();

    /// <summary>Dutch, for the user: what is wrong, with the numbers that make it so.</summary>
    string Message { get; }
}

/// <summary>One broken rule as reported to the client: <c>{ code, message, source }</c>.</summary>
public sealed record BrokenRule(string Code, string Message, string Source)
{
    public static BrokenRule From(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new BrokenRule(rule.Code, rule.Message, rule.Source);
    }
}

/// <summary>Thrown when a change would break one or more rules; nothing has been changed.</summary>
public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IReadOnlyList<BrokenRule> brokenRules)
        : base(string.Join("; ", brokenRules.Select(r => $"{r.Code}: {r.Message}")))
    {
        BrokenRules = brokenRules;
    }

    public BusinessRuleViolationException(BrokenRule brokenRule)
        : this([brokenRule])
    {
    }

    public IReadOnlyList<BrokenRule> BrokenRules { get; }

    public static void ThrowIfBroken(params IBusinessRule[] rules)
    {
        var broken = rules.Where(r => r.IsBroken()).Select(BrokenRule.From).ToList();
        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }
    }
}
