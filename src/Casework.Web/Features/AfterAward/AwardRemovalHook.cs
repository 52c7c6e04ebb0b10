using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// When a transition takes the award away (an afwijzing after a bezwaar gegrond, or any later besluit that leaves the
/// application without an awarded amount), what followed the award ends with it, in the same unit of work: the open
/// milestones and the unreported SiSa years are closed with the besluit as their reason, and their terms (the
/// definition's and our own, an uitstel and its decision term included) are stopped, so none of them expires, reminds or
/// lands in a work list. The conditions and what was reported stay readable.
/// </summary>
internal sealed class AwardRemovalHook(CaseworkDbContext db, AfterAwardService service, AuditTrail audit) : ITransitionHook
{
    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (AwardOpeningHook.AwardActions.Contains(transition.ActionId))
        {
            return;
        }

        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct);
        if (application is null || application.AwardedAmount is { Euros: > 0m } || !await db.Set<AwardConditions>().AnyAsync(c => c.ApplicationId == caseFile.Id, ct))
        {
            return;
        }

        var milestones = await db.Set<AwardMilestone>().Where(m => m.ApplicationId == application.Id).ToListAsync(ct);
        var years = await db.Set<SisaVerantwoording>().Where(s => s.ApplicationId == application.Id && s.Status == SisaYearStatus.Open).ToListAsync(ct);
        var open = milestones.Where(m => !m.IsSettled).ToList();
        if (open.Count == 0 && years.Count == 0)
        {
            return;
        }

        var reason = $"de toekenning is vervallen door het besluit '{transition.ActionLabel}'" + (string.IsNullOrWhiteSpace(input.Reason) ? string.Empty : $": {input.Reason.Trim()}");
        foreach (var milestone in open)
        {
            milestone.Judge(MilestoneStatus.Vervallen, reason, actor.UserId, service.Now);
            AfterAwardService.StopIfOpen(await service.DeadlineAsync(milestone.DeadlineId, ct));
        }

        foreach (var year in years)
        {
            year.Lapse(reason);
            AfterAwardService.StopIfOpen(await service.DeadlineAsync(year.DeadlineId, ct));
        }

        // A pending request for uitstel has nothing left to decide.
        foreach (var term in await db.Deadlines.Where(d => d.CaseId == caseFile.Id && d.KindId == TermKinds.SisaUitstelBeslissing.Id && d.Status == DeadlineStatus.Running).ToListAsync(ct))
        {
            term.Stop();
        }

        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "toekenning.vervallen", "aanvraag", application.Id.ToString(), "ok", null,
            new { mijlpalen = open.Select(m => m.Kind).ToList(), sisaJaren = years.Select(y => y.BudgetYear).ToList(), besluit = transition.ActionId }, reason, ct);
    }
}
