using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Replaces a draft's facts; whoever may submit it, in the state it is submitted from, may change them.</summary>
internal sealed class ReviseApplicationHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) :
    ICommandHandler<ReviseApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(ReviseApplicationCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.Id, actor, cancellationToken);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        CaseAccess.EnsureMayWrite(actor);

        // The draft's facts are what indienen's guards judge: whoever may submit it, in the state it is submitted
        // from, may change them (the definition says who and when).
        transitions.EnsureMayPrepare(caseFile, actor, SubmissionHook.Action);
        CaseActionPath.EnsureVersion(caseFile, command.ExpectedVersion);

        var request = command.Request!;
        if (request.TrancheId != application.TrancheId)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("trancheId", "Een aanvraag kan niet naar een andere ronde; trek haar in en maak een nieuwe.")]);
        }

        var (proposal, focusgebiedCode) = await ApplicationProposals.CheckAsync(db, request, application.Regeling, application.ApplicantCbsCode, cancellationToken);
        application.Revise(proposal, focusgebiedCode);
        caseFile.Touch(time.GetUtcNow());
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case, even within one clock tick
        await db.SaveChangesAsync(cancellationToken);
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
