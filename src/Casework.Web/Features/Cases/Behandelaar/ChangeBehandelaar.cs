using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;

namespace Casework.Web.Features.Cases.Behandelaar;

/// <summary>What to do about who handles a case.</summary>
public enum BehandelaarChange
{
    /// <summary>The caller becomes the behandelaar (oppakken).</summary>
    Claim,

    /// <summary>The case goes to a colleague, with a note (overdragen; by a Beheerder: toewijzen).</summary>
    HandOver,

    /// <summary>The case goes back to the organisation without a behandelaar (vrijgeven).</summary>
    Release,
}

/// <summary>
/// Claim, hand over or release a case at the version in <c>If-Match</c>. Exactly once under races: the version is the
/// case's concurrency token, so of many claims at the same version one saves and every other is a 409.
/// </summary>
public sealed record ChangeBehandelaarCommand(Guid CaseId, BehandelaarChange Change, int ExpectedVersion, string? To = null, string? Note = null) : ICommand<CaseDto>;

/// <summary>Request body of a hand-over: the colleague's user id and a note for them.</summary>
public sealed record HandOverRequest(string? To, string? Note);

/// <summary>Request body of a claim or a release: an optional note.</summary>
public sealed record BehandelaarNoteRequest(string? Note);

internal sealed class ChangeBehandelaarValidator : AbstractValidator<ChangeBehandelaarCommand>
{
    public ChangeBehandelaarValidator()
    {
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        RuleFor(c => c.Note).MaximumLength(2000).OverridePropertyName("note").WithMessage("De notitie is te lang (maximaal 2000 tekens).");
        When(c => c.Change == BehandelaarChange.HandOver, () =>
        {
            RuleFor(c => c.To).NotEmpty().OverridePropertyName("to").WithMessage("Kies de collega aan wie u de zaak overdraagt.");
            RuleFor(c => c.To).MaximumLength(128).OverridePropertyName("to").WithMessage("De gebruiker is geen geldige gebruiker.");
            RuleFor(c => c.Note).NotEmpty().OverridePropertyName("note").WithMessage("Schrijf een notitie voor de collega aan wie u de zaak overdraagt.");
        });
    }
}

internal sealed class ChangeBehandelaarHandler(CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions, AuditTrail audit, TimeProvider time)
    : ICommandHandler<ChangeBehandelaarCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(ChangeBehandelaarCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await path.LoadForActionAsync(command.CaseId, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var old = new { behandelaar = caseFile.Behandelaar };
        string action;
        switch (command.Change)
        {
            case BehandelaarChange.Claim:
                BehandelaarRules.EnsureMayClaim(caseFile, actor);
                caseFile.AssignBehandelaar(actor.UserId, current.DisplayName, now);
                action = "zaak.behandelaar.oppakken";
                break;
            case BehandelaarChange.HandOver:
                BehandelaarRules.EnsureMayHandOver(caseFile, actor);
                var to = command.To!.Trim();
                if (to == caseFile.Behandelaar)
                {
                    throw ApiProblemException.Of(ProblemTypes.Conflict, "Deze collega behandelt de zaak al.", new Dictionary<string, object?> { ["field"] = "to", ["source"] = BehandelaarRules.Source });
                }

                var colleague = (await BehandelaarRules.ColleaguesAsync(db, caseFile.RoutedTo!, cancellationToken)).FirstOrDefault(c => c.UserId == to)
                    ?? throw Invalid("to", $"'{to}' is geen collega van {caseFile.RoutedTo} die zich in Casework heeft aangemeld.");
                caseFile.AssignBehandelaar(colleague.UserId, colleague.Name, now);
                action = old.behandelaar == actor.UserId ? "zaak.behandelaar.overdragen" : "zaak.behandelaar.toewijzen";
                break;
            default:
                BehandelaarRules.EnsureMayRelease(caseFile, actor);
                caseFile.ReleaseBehandelaar(now);
                action = "zaak.behandelaar.vrijgeven";
                break;
        }

        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id),
            actor,
            action,
            "zaak",
            caseFile.Id.ToString(),
            "ok",
            old,
            new { behandelaar = caseFile.Behandelaar, naam = caseFile.BehandelaarName },
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            cancellationToken);
        await path.SaveAsync(caseFile, command.ExpectedVersion, cancellationToken);
        return await FireActionHandler.RespondAsync(db, transitions, caseFile, actor, time, cancellationToken);
    }

    private static ApiProblemException Invalid(string field, string message) => ApiProblemException.Validation(field, message);
}

/// <summary>The colleagues a case can be handed to.</summary>
public sealed record GetColleaguesQuery(Guid CaseId) : IQuery<IReadOnlyList<BehandelaarDto>>;

internal sealed class GetColleaguesHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetColleaguesQuery, IReadOnlyList<BehandelaarDto>>
{
    public async ValueTask<IReadOnlyList<BehandelaarDto>> Handle(GetColleaguesQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.CaseId, current.Actor, cancellationToken, tracked: false, withHistory: false);
        return caseFile.RoutedTo is null || caseFile.RoutedTo != current.Actor.Organisation
            ? []
            : await BehandelaarRules.ColleaguesAsync(db, caseFile.RoutedTo, cancellationToken);
    }
}
