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

/// <summary>Opens the case on the regeling's workflow for the caller's gemeente and adds the draft application row.</summary>
internal sealed class CreateApplicationHandler(CaseworkDbContext db, ICurrentActor current, CaseOpener opener, TimeProvider time) :
    ICommandHandler<CreateApplicationCommand, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(CreateApplicationCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een aanvrager van een gemeente kan een aanvraag opstellen.");
        }

        var request = command.Request!;
        var tranche = await db.Set<Tranche>().FirstOrDefaultAsync(t => t.Id == request.TrancheId, cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("trancheId", "Deze ronde bestaat niet.")]);
        var (proposal, focusgebiedCode) = await ApplicationProposals.CheckAsync(db, request, tranche.Regeling, actor.Organisation, cancellationToken);

        var caseFile = await opener.OpenAsync(ApplicationMapping.DefinitionFor(tranche.Regeling), actor.Organisation, proposal.ProjectName, actor, cancellationToken, proposal.JointMemberCbsCodes);
        var application = FundingApplication.Draft(caseFile.Id, tranche.Id, proposal, focusgebiedCode, time.GetUtcNow());
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
