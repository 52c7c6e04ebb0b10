using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>Creates a draft application: a case on the regeling's workflow, owned by the caller's gemeente, and its application row.</summary>
public sealed record CreateApplicationCommand(ApplicationRequest? Request) : ICommand<ApplicationDto>;

/// <summary>Replaces a draft's facts while the case is in concept.</summary>
public sealed record ReviseApplicationCommand(Guid Id, int ExpectedVersion, ApplicationRequest? Request) : ICommand<ApplicationDto>;

public sealed record GetApplicationQuery(Guid Id) : IQuery<ApplicationDto>;

internal sealed class CreateApplicationValidator : AbstractValidator<CreateApplicationCommand>
{
    public CreateApplicationValidator() => this.ValidateShape(c => c.Request);
}

internal sealed class ReviseApplicationValidator : AbstractValidator<ReviseApplicationCommand>
{
    public ReviseApplicationValidator()
    {
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        this.ValidateShape(c => c.Request);
    }
}

internal sealed class ApplicationCommandHandlers(CaseworkDbContext db, ICurrentActor current, CaseOpener opener, CaseTransitions transitions, TimeProvider time) :
    ICommandHandler<CreateApplicationCommand, ApplicationDto>,
    ICommandHandler<ReviseApplicationCommand, ApplicationDto>,
    IQueryHandler<GetApplicationQuery, ApplicationDto>
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
        var (proposal, focusgebiedCode) = await ProposalAsync(request, tranche.Regeling, actor.Organisation, cancellationToken);

        var caseFile = await opener.OpenAsync(ApplicationMapping.DefinitionFor(tranche.Regeling), actor.Organisation, proposal.ProjectName, actor, cancellationToken, proposal.JointMemberCbsCodes);
        var application = FundingApplication.Draft(caseFile.Id, tranche.Id, proposal, focusgebiedCode, time.GetUtcNow());
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    public async ValueTask<ApplicationDto> Handle(ReviseApplicationCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.Id, actor, cancellationToken);
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        CaseAccess.EnsureMayWrite(actor);

        // The draft's facts are what indienen's guards judge: whoever may submit it, in the state it is submitted
        // from, may change them (the definition says who and when).
        transitions.EnsureMayPrepare(caseFile, actor, SubmitApplication.SubmissionHook.Action);
        CaseActionPath.EnsureVersion(caseFile, command.ExpectedVersion);

        var request = command.Request!;
        if (request.TrancheId != application.TrancheId)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("trancheId", "Een aanvraag kan niet naar een andere ronde; trek haar in en maak een nieuwe.")]);
        }

        var (proposal, focusgebiedCode) = await ProposalAsync(request, application.Regeling, application.ApplicantCbsCode, cancellationToken);
        application.Revise(proposal, focusgebiedCode);
        caseFile.Touch(time.GetUtcNow());
        db.Entry(caseFile).Property(c => c.UpdatedAt).IsModified = true; // a change to the application is a new version of the case, even within one clock tick
        await db.SaveChangesAsync(cancellationToken);
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    public async ValueTask<ApplicationDto> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.Id, current.Actor, cancellationToken, tracked: false);
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        return ApplicationMapping.ToDto(application, caseFile, tranche);
    }

    /// <summary>Checks what only the database knows (the applicant and members are gemeenten, the focusgebied exists).</summary>
    private async Task<(ApplicationProposal Proposal, string? FocusgebiedCode)> ProposalAsync(ApplicationRequest request, Regeling regeling, string applicant, CancellationToken ct)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        var members = request.JointMembers ?? [];
        var codes = members.Append(applicant).ToList();
        var gemeenten = await db.Organisations.AsNoTracking()
            .Where(o => codes.Contains(o.Code) && o.Kind == OrganisationKind.Gemeente)
            .Select(o => o.Code).ToListAsync(ct);
        if (!gemeenten.Contains(applicant))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen een gemeente kan aanvragen; '{applicant}' is geen gemeente.");
        }

        foreach (var member in members.Where(m => !gemeenten.Contains(m)))
        {
            failures.Add(new("jointMembers", $"'{member}' is geen gemeente; een regio bestaat uit gemeenten."));
        }

        if (members.Contains(applicant))
        {
            failures.Add(new("jointMembers", "De aanvragende gemeente is de trekker; noem haar niet ook als deelnemer."));
        }

        string? focusgebiedName = null;
        string? focusgebiedCode = null;
        if (!string.IsNullOrWhiteSpace(request.Focusgebied))
        {
            var focusgebied = await db.Focusgebieden.AsNoTracking().FirstOrDefaultAsync(f => f.Code == request.Focusgebied, ct);
            if (focusgebied is null)
            {
                failures.Add(new("focusgebied", $"'{request.Focusgebied}' is geen stedelijk focusgebied (zie /reference/focusgebieden)."));
            }
            else
            {
                focusgebiedName = focusgebied.Name;
                focusgebiedCode = focusgebied.Code;
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return (ApplicationMapping.ToProposal(request, regeling, applicant, focusgebiedName), focusgebiedCode);
    }
}
