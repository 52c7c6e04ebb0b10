using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// When an award takes effect (a toekenning or gedeeltelijke toekenning, fired from any endpoint or page), opens what
/// follows it, in the same unit of work: the conditions (version 1, or the next version after a new besluit on
/// objection), the milestones the round's rule set names (start of construction, completion) and the SiSa
/// verantwoording of the award's budget year. Where the application's definition already started the term of a
/// milestone or of the SiSa verantwoording (WBI's <c>wbi-start-bouw</c>, <c>wbi-alle-woningen</c>, both regelingen's
/// <c>sisa-verantwoording</c>), the milestone watches that term; otherwise it starts its own, with the round's length.
/// </summary>
internal sealed class AwardOpeningHook(CaseworkDbContext db, AfterAwardService service) : ITransitionHook
{
    public static readonly IReadOnlySet<string> AwardActions = new HashSet<string>(StringComparer.Ordinal) { "toekennen", "gedeeltelijkToekennen" };

    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (!AwardActions.Contains(transition.ActionId))
        {
            return;
        }

        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct);
        if (application?.AwardedAmount is not { } amount)
        {
            return;
        }

        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        var rules = tranche.RuleSet;
        var today = service.Today;

        var start = await MilestoneTermAsync(caseFile.Id, "wbi-start-bouw", TermKinds.MijlpaalStartBouw, rules.StartConstructionYears, today, ct);
        var gereed = await MilestoneTermAsync(caseFile.Id, "wbi-alle-woningen", TermKinds.MijlpaalGereed, rules.CompletionYears, today, ct);

        var versions = await db.Set<AwardConditions>().Where(c => c.ApplicationId == application.Id).OrderBy(c => c.Version).ToListAsync(ct);
        var previous = versions.LastOrDefault();
        db.Add(new AwardConditions(
            application.Id,
            (previous?.Version ?? 0) + 1,
            amount,
            previous?.Homes ?? application.Homes,
            previous?.ProjectArea ?? application.FocusgebiedName ?? application.OtherAreaDescription,
            start.Deadline.CurrentDueDate,
            gereed.Deadline.CurrentDueDate,
            today,
            previous is null ? "Toekenning" : "Nieuw besluit op de aanvraag na bezwaar",
            null,
            actor.UserId,
            service.Now));

        var milestones = await db.Set<AwardMilestone>().Where(m => m.ApplicationId == application.Id).ToListAsync(ct);
        Open(application.Id, milestones, MilestoneKinds.StartBouw, start);
        Open(application.Id, milestones, MilestoneKinds.Gereed, gereed);

        var sisa = service.JustStarted(caseFile.Id, TermKinds.SisaVerantwoording.Id)
            ?? await service.StartDeadlineAsync(caseFile.Id, TermKinds.SisaVerantwoording, today, null, null, ct);
        var open = await db.Set<SisaVerantwoording>().FirstOrDefaultAsync(s => s.ApplicationId == application.Id && s.Status == SisaYearStatus.Open, ct);
        if (open is null)
        {
            db.Add(new SisaVerantwoording(application.Id, today.Year, sisa.CurrentDueDate, sisa.Id));
        }
        else
        {
            // A new besluit after objection started the definition's SiSa term again: the open year keeps its own term.
            sisa.Stop();
        }
    }

    private void Open(Guid applicationId, List<AwardMilestone> existing, string kind, (Deadline Deadline, string Source) term)
    {
        if (existing.FirstOrDefault(m => m.Kind == kind) is { } milestone)
        {
            milestone.Relink(term.Deadline.CurrentDueDate, term.Deadline.Id, term.Deadline.KindId);
            return;
        }

        db.Add(new AwardMilestone(applicationId, kind, term.Deadline.CurrentDueDate, term.Source, term.Deadline.KindId, term.Deadline.Id));
    }

    /// <summary>The definition's term of the milestone when it started one, else a term of our own with the round's length.</summary>
    private async Task<(Deadline Deadline, string Source)> MilestoneTermAsync(Guid caseId, string definitionKind, TermKind ownKind, RuleParameter<int> years, DateOnly today, CancellationToken ct)
    {
        if (service.JustStarted(caseId, definitionKind) is { } started)
        {
            return (started, started.Kind.LegalSource);
        }

        var own = await db.Deadlines.FirstOrDefaultAsync(d => d.CaseId == caseId && d.KindId == ownKind.Id && d.Status == DeadlineStatus.Running, ct);
        own?.Stop();
        return (await service.StartDeadlineAsync(caseId, ownKind, today, TermLength.Years(years.Value), null, ct), years.Source);
    }
}
