using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Web.Features.Workflows.Guards;
using Casework.Workflows.Definitions;
using Casework.Workflows.Loading;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Records the herkansing link on a filed application (not in concept, before admission is decided): the earlier
/// application (a <c>herkansing-van</c> case link replaces any earlier one), the loket's "same project" judgement,
/// and an audit event on the case. The admission rule then judges this link, not what the gemeente typed.
/// </summary>
internal sealed class RecordHerkansingLinkHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time, DefinitionCatalog catalog)
    : ICommandHandler<RecordHerkansingLinkCommand, ApplicationDto>
{
    /// <summary>
    /// Filed and admission not yet decided, as the case's own definition says: not the initial (draft) state, and the
    /// admission judgement (the action guarded by the admission rules) can still be reached from the current state.
    /// </summary>
    internal static bool OpenForLinking(WorkflowDefinition definition, string state) =>
        state != definition.InitialState
        && definition.StatesLeadingTo(a => a.Guards.Any(g => g.Name == ToelatingscriteriaVoldaanGuard.GuardName) && !a.From.Contains(definition.InitialState)).Contains(state);

    public async ValueTask<ApplicationDto> Handle(RecordHerkansingLinkCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.Id, actor, cancellationToken);
        CaseAccess.EnsureMayWrite(actor);
        if (!actor.Roles.Contains(Role.Loket) || actor.Organisation != "RVO")
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen het RVO-loket legt vast van welke aanvraag dit een herkansing is.");
        }

        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        CaseActionPath.EnsureVersion(caseFile, command.ExpectedVersion);
        var definition = catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition
            ?? throw new InvalidOperationException($"Definition {caseFile.DefinitionId} v{caseFile.DefinitionVersion} is not loaded.");
        if (!OpenForLinking(definition, caseFile.State))
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"De herkansing wordt vastgelegd tussen indienen en toelaten; de aanvraag is in status '{caseFile.StateLabel}'.");
        }

        var request = command.Request!;
        var previous = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.Id == request.PreviousApplicationId && a.Regeling == application.Regeling)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, c.Reference })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("previousApplicationId", "Er is geen eerdere aanvraag van deze regeling met dit id.")]);

        var before = new { application.HerkansingOfApplicationId, application.PreviousApplicationReference, application.HerkansingSameProject };
        var now = time.GetUtcNow();
        application.RecordHerkansingLink(previous.Id, previous.Reference, request.SameProject, actor.UserId, now);

        var links = await db.CaseLinks.Where(l => l.FromCaseId == caseFile.Id && l.Kind == CaseLink.HerkansingVan).ToListAsync(cancellationToken);
        db.CaseLinks.RemoveRange(links);
        db.CaseLinks.Add(new CaseLink(caseFile.Id, previous.Id, CaseLink.HerkansingVan, now, request.Reason));

        caseFile.Touch(now);
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "aanvraag.herkansingVastgelegd", "aanvraag", caseFile.Id.ToString(), "ok",
            before, new { HerkansingOfApplicationId = previous.Id, PreviousApplicationReference = previous.Reference, HerkansingSameProject = request.SameProject },
            request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
