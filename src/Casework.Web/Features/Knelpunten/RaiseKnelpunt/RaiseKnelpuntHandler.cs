using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// Raises a knelpunt: a gemeente, an alliance secretary (on behalf of its focusgebied) or a department opens
/// the case, which goes straight to the SBSD secretariat for triage. Case, substance and links in one transaction.
/// </summary>
internal sealed class RaiseKnelpuntHandler(CaseworkDbContext db, ICurrentActor current, CaseOpener opener, TimeProvider time) : ICommandHandler<RaiseKnelpuntCommand, KnelpuntDto>
{
    public const string TriageSecretariat = MeetingBodies.Sbsd;

    public async ValueTask<KnelpuntDto> Handle(RaiseKnelpuntCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        CaseAccess.EnsureMayWrite(actor);
        var soort = await EscalationRaisers.KnelpuntIndienerAsync(db, actor, cancellationToken)
            ?? throw ApiProblemException.Of(ProblemTypes.Forbidden, "Een knelpunt wordt gemeld door een gemeente, het secretariaat van een alliantie of een departement.");

        var focusgebieden = command.Focusgebieden.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Focusgebieden.AsNoTracking().Where(f => focusgebieden.Contains(f.Code)).Select(f => new { f.Code, f.AllianceCode }).ToListAsync(cancellationToken);
        var unknown = focusgebieden.Except(known.Select(k => k.Code)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("focusgebieden", $"Onbekend focusgebied: {string.Join(", ", unknown)}.")]);
        }

        if (soort == IndienerSoort.Alliantie)
        {
            // An alliance speaks for its own focusgebied only.
            var own = await db.Focusgebieden.AsNoTracking().Where(f => f.AllianceCode == actor.Organisation).Select(f => f.Code).FirstAsync(cancellationToken);
            if (focusgebieden.Count == 0)
            {
                focusgebieden.Add(own);
            }
            else if (focusgebieden.Any(f => f != own))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("focusgebieden", $"Een alliantie meldt namens haar eigen focusgebied ({own}).")]);
            }
        }

        var related = command.GerelateerdAan.Distinct().ToList();
        var visibleRelated = await db.Cases.AsNoTracking().Where(c => related.Contains(c.Id) && c.CaseType == "knelpunt").VisibleTo(actor).Select(c => c.Id).ToListAsync(cancellationToken);
        if (visibleRelated.Count != related.Count)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("gerelateerdAan", "Een gerelateerd knelpunt bestaat niet of u kunt het niet zien.")]);
        }

        var caseFile = await opener.OpenAsync("knelpunt", actor.Organisation, command.Titel, actor, cancellationToken, routedTo: TriageSecretariat);
        var now = time.GetUtcNow();
        var wet = command.Wet!;
        db.Set<Knelpunt>().Add(Knelpunt.Create(
            caseFile.Id, command.Omschrijving, new WetReferentie(wet.Naam, wet.BwbId, wet.Artikel), EscalationCaseViews.ParseDomein(command.Domein),
            soort, actor.Organisation, focusgebieden, command.VoorgesteldeOplossing, now));
        foreach (var other in related)
        {
            db.CaseLinks.Add(new CaseLink(caseFile.Id, other, CaseLink.Gerelateerd, now, null));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await KnelpuntQueries.LoadAsync(db, caseFile.Id, actor, cancellationToken);
    }
}
