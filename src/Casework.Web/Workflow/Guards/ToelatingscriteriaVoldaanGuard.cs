using Casework.Domain.Common;
using Casework.Workflows.Guards;

namespace Casework.Web.Workflow.Guards;

/// <summary>Passes when the application meets every admission rule of its round; otherwise names each broken rule with its source.</summary>
internal sealed class ToelatingscriteriaVoldaanGuard : IWorkflowGuard
{
    public const string Fact = "aanvraag.gebrokenToelatingsregels";

    public string Name => "toelatingscriteriaVoldaan";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var broken = await invocation.Facts.GetAsync<IReadOnlyList<BrokenRule>>(Fact, ct);
        if (broken is null)
        {
            return GuardOutcome.Fail("TOELATING-ONBEKEND", "De toelatingscriteria van de ronde kunnen voor deze zaak niet worden getoetst.");
        }

        return broken.Count == 0
            ? GuardOutcome.Pass
            : GuardOutcome.Fail(broken[0].Code, string.Join(" ", broken.Select(b => b.Message)), string.Join("; ", broken.Select(b => b.Source).Distinct()));
    }
}
