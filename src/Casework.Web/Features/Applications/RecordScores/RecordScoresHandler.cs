using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class RecordScoresHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) :
    ICommandHandler<RecordScoresCommand, ApplicationDto>
{
    private const string AdviseAction = "adviseren";

    /// <summary>
    /// The committee's scores are the facts that <c>adviseren</c>'s guard judges, so whoever may take that action in
    /// the case's current state (the definition says: the committee the case is routed to) may record them.
    /// </summary>
    public async ValueTask<ApplicationDto> Handle(RecordScoresCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.Id, actor, cancellationToken, withHistory: false);
        CaseAccess.EnsureMayWrite(actor);
        transitions.EnsureMayPrepare(caseFile, actor, AdviseAction);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);

        var request = command.Request!;
        var scheme = tranche.RuleSet.Scoring;
        ScoreSheet sheet;
        if (scheme.Criteria.Count == 0)
        {
            // VHF: no weighted criteria in the rules; the committee's own total is ranked (Funding/README.md).
            if (request.Total is not { } total || total < 0 || total > 1000)
            {
                throw new BusinessRuleViolationException(new BrokenRule("SCORE-TOTAAL-ONTBREEKT", "Deze ronde kent geen gewogen criteria: geef het totaal van de commissie (0-1000).", scheme.Source));
            }

            sheet = ScoreSheet.Create(new ScoringScheme([new ScoringCriterion("totaal", 1m, 0m, 1000m)], scheme.Source), new Dictionary<string, decimal> { ["totaal"] = total });
        }
        else
        {
            sheet = ScoreSheet.Create(scheme, request.Scores ?? []);
        }

        application.RecordScores(sheet, JsonSerializer.Serialize(sheet.Scores), request.Advice!.Value);
        caseFile.Touch(time.GetUtcNow());
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case, even within one clock tick
        await db.SaveChangesAsync(cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
