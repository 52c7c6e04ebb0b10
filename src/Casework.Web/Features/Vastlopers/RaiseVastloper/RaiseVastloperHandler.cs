using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// Raises a vastloper from an alliance. The case belongs to the alliance (a gemeente that raises it is added as a
/// member). When the alliance's secretary raises it, the case is forwarded at once (<c>doorzetten</c>) to the
/// rijksvertegenwoordiger's department and its response term starts, all in one transaction. A gemeente's
/// vastloper waits in <c>gemeld</c> until the alliance secretary forwards it: the definition gives that step to
/// the alliance, because a vastloper is by definition raised in the alliantieoverleg.
/// </summary>
internal sealed class RaiseVastloperHandler(CaseworkDbContext db, ICurrentActor current, CaseOpener opener, CaseTransitions transitions, TimeProvider time) : ICommandHandler<RaiseVastloperCommand, VastloperDto>
{
    public async ValueTask<VastloperDto> Handle(RaiseVastloperCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        CaseAccess.EnsureMayWrite(actor);
        var focusgebied = await db.Focusgebieden.AsNoTracking().FirstOrDefaultAsync(f => f.Code == command.Focusgebied, cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("focusgebied", $"Onbekend focusgebied '{command.Focusgebied}'.")]);
        var bySecretary = actor.Organisation == focusgebied.AllianceCode && actor.Roles.Contains(Role.Secretaris);
        var byGemeente = actor.Organisation == focusgebied.GemeenteCode && actor.Roles.Contains(Role.GemeenteAanvrager);
        if (!bySecretary && !byGemeente)
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Een vastloper van {focusgebied.Name} wordt gemeld door het secretariaat van de alliantie of door de gemeente van het focusgebied.");
        }

        var caseFile = await opener.OpenAsync("vastloper", focusgebied.AllianceCode, command.Titel, actor, cancellationToken, members: byGemeente ? [focusgebied.GemeenteCode] : null);
        db.Set<Vastloper>().Add(Vastloper.Raise(caseFile.Id, command.Omschrijving, focusgebied.Code, focusgebied.RijksvertegenwoordigerDepartment, command.BesprokenInOverlegDate, time.GetUtcNow()));
        if (bySecretary)
        {
            await transitions.FireAsync(caseFile, actor, "doorzetten", ActionInput.Empty, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await VastloperQueries.LoadAsync(db, caseFile.Id, actor, cancellationToken);
    }
}
