using Casework.Domain.Common;
using Casework.Workflows.Guards;

namespace Casework.Web.Features.Workflows.Guards;

/// <summary>
/// What the admission rules of an application's round say, split as the definitions' guards ask for it: the window
/// rule, and every other admission rule. Loaded once per evaluation (one fact), so each rule is judged once.
/// </summary>
internal sealed record AdmissionVerdict(IReadOnlyList<BrokenRule> Window, IReadOnlyList<BrokenRule> Others)
{
    public const string Fact = "aanvraag.toelating";
}

/// <summary>A guard that fails with every broken rule of the <see cref="AdmissionVerdict"/> it looks at; an unknown verdict fails closed.</summary>
internal abstract class BrokenRulesGuard : IWorkflowGuard
{
    public abstract string Name { get; }

    protected abstract IReadOnlyList<BrokenRule>? Broken(AdmissionVerdict verdict);

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var verdict = await invocation.Facts.GetAsync<AdmissionVerdict>(AdmissionVerdict.Fact, ct);
        return verdict is null
            ? GuardOutcome.Fail("TOELATING-ONBEKEND", "De toelatingscriteria van de ronde kunnen voor deze zaak niet worden getoetst.")
            : GuardOutcome.FailAll(Broken(verdict)!.Select(b => new GuardFailure(b.Code, b.Message, b.Source)));
    }
}

/// <summary>Passes when the application meets every admission rule of its round (the window aside); otherwise names each broken rule with its source.</summary>
internal sealed class ToelatingscriteriaVoldaanGuard : BrokenRulesGuard
{
    public const string GuardName = "toelatingscriteriaVoldaan";

    public override string Name => GuardName;

    protected override IReadOnlyList<BrokenRule>? Broken(AdmissionVerdict verdict) => verdict.Others;
}
