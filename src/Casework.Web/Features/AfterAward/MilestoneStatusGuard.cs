using Casework.Web.Persistence;
using Casework.Workflows.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// <c>mijlpaalStatus {kind, status}</c>: the milestone's own record says what the action claims (reported with evidence,
/// accepted, more asked). The milestone actions of vhf/wbi v4 move the application case along its milestones; the
/// report and the judgement themselves are recorded by the milestone commands (the award's page or API), which then fire
/// the action through the same gate. Fired on its own, e.g. from the generic case endpoint, the action finds no such
/// record and is refused, so no case moves to "bouw gestart" without a report and its evidence. The query sees the
/// command's own tracked change (the record is read in the command's unit of work).
/// </summary>
internal sealed class MilestoneStatusGuard(CaseworkDbContext db) : IWorkflowGuard
{
    public string Name => "mijlpaalStatus";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var kind = invocation.GetStringParam("kind") ?? string.Empty;
        var status = invocation.GetStringParam("status") ?? string.Empty;
        var milestone = await db.Set<AwardMilestone>().FirstOrDefaultAsync(m => m.ApplicationId == invocation.Case.CaseId && m.Kind == kind, ct);
        if (milestone is not null && AfterAwardReader.StatusCode(milestone.Status) == status)
        {
            return GuardOutcome.Pass;
        }

        var what = status switch
        {
            "gemeld" => "Meld de mijlpaal met de datum en de bewijsstukken uit het dossier op de pagina van de toekenning",
            _ => "Beoordeel de gemelde mijlpaal op de pagina van de toekenning",
        };
        return GuardOutcome.Fail("MIJLPAAL-NIET-VASTGELEGD",
            $"{what} ('{MilestoneKinds.Label(kind)}'); dan gaat de zaak vanzelf verder.",
            "Ontwerpkeuze: een mijlpaal wordt gemeld met bewijsstukken en beoordeeld op de toekenning");
    }
}
