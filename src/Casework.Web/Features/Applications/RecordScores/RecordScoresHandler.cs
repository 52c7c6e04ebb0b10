using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Features.Applications.CommitteeScoring;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using System.Text.Json;

namespace Casework.Web.Features.Applications;

/// <summary>
/// The chair records the committee's advice from the members' scores (ADR-017). The gate is the one of the members'
/// own scores (whoever may take <c>adviseren</c> in the case's state, as the definition says), and on top of it the
/// chair's attribute of the committee membership. The advice's score is what <c>adviseren</c>'s guard judges and what
/// the ranking orders by: the mean of the counted members, or an agreed score with its reason.
/// </summary>
internal sealed class RecordScoresHandler(CaseworkDbContext db, ICurrentActor current, CommitteeScoringContext context, AuditTrail audit, TimeProvider time) :
    ICommandHandler<RecordScoresCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(RecordScoresCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (caseFile, application, tranche) = await context.LoadForMemberAsync(command.Id, actor, cancellationToken);
        var committee = caseFile.RoutedTo!;
        var chair = await CommitteeRules.ChairOfAsync(db, committee, cancellationToken);
        if (chair is null || chair.UserId != actor.UserId)
        {
            throw new BusinessRuleViolationException(CommitteeRules.NotChair(committee));
        }

        var request = command.Request!;
        var scores = await context.ScoresOfAsync(application.Id, committee, cancellationToken);
        var mean = CommitteeRules.MeanTotal(scores) ?? throw new BusinessRuleViolationException(CommitteeRules.NoMemberScores());
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var total = request.AgreedTotal ?? mean;
        if (total != mean && reason is null)
        {
            throw new BusinessRuleViolationException(CommitteeRules.ReasonRequired(mean));
        }

        var old = new { totaal = application.TotalScore, advies = application.Advice };
        var meanScores = CommitteeRules.MeanScores(scores);
        application.RecordAdvice(total, JsonSerializer.Serialize(meanScores), request.Advice!.Value);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.advies.commissie", "aanvraag", application.Id.ToString(), "ok", old,
            new
            {
                advies = application.Advice,
                totaal = total,
                gemiddelde = mean,
                afwijkend = total != mean,
                leden = scores.Where(s => !s.Recused && s.Total is not null).Select(s => s.MemberUserId).Order(StringComparer.Ordinal).ToList(),
                verschoond = scores.Where(s => s.Recused).Select(s => s.MemberUserId).Order(StringComparer.Ordinal).ToList(),
            },
            reason,
            cancellationToken);
        caseFile.Touch(time.GetUtcNow());
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case, even within one clock tick
        await db.SaveChangesAsync(cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
