using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Vastlopers;

public sealed record RaiseVastloperCommand(string Titel, string Omschrijving, string Focusgebied, DateOnly? BesprokenInOverlegDate) : ICommand<VastloperDto>;

public sealed record GetVastloperQuery(Guid Id) : IQuery<VastloperDto>;

public sealed record ConvertVastloperCommand(Guid Id, int? ExpectedVersion, string Reason, WetReferentieDto? Wet) : ICommand<ConvertVastloperResponse>;

internal sealed class RaiseVastloperValidator : AbstractValidator<RaiseVastloperCommand>
{
    public RaiseVastloperValidator()
    {
        RuleFor(c => c.Titel).NotEmpty().WithMessage("Geef een titel.").MaximumLength(300);
        RuleFor(c => c.Omschrijving).NotEmpty().WithMessage("Beschrijf de vastloper.").MaximumLength(8000);
        RuleFor(c => c.Focusgebied).NotEmpty().WithMessage("Noem het focusgebied waarvan de alliantie de vastloper meldt.").MaximumLength(64);
    }
}

internal sealed class ConvertVastloperValidator : AbstractValidator<ConvertVastloperCommand>
{
    public ConvertVastloperValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Geef aan waarom de vastloper een knelpunt in regelgeving is.").MaximumLength(4000);
        RuleFor(c => c.Wet!.Naam).NotEmpty().MaximumLength(300).When(c => c.Wet is not null);
        RuleFor(c => c.Wet!.BwbId).Must(WetReferentie.IsValidBwbId).WithMessage("Het BWB-id heeft de vorm BWBR0005537.").When(c => c.Wet?.BwbId is not null);
    }
}

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

internal sealed class GetVastloperHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetVastloperQuery, VastloperDto>
{
    public async ValueTask<VastloperDto> Handle(GetVastloperQuery query, CancellationToken cancellationToken) =>
        await VastloperQueries.LoadAsync(db, query.Id, current.Actor, cancellationToken);
}

/// <summary>
/// Turns a vastloper into a knelpunt through the definition's own action (<c>omzettenInKnelpunt</c>, or
/// <c>boOmzettenInKnelpunt</c> when the bestuurlijk overleg decides): its <c>openLinkedCase</c> effect opens the
/// knelpunt with an <c>afgeleid-van</c> link. This handler then gives the knelpunt its substance from the vastloper
/// and sends it to SBSD triage, in the same transaction, and writes the origin into the knelpunt's audit trail.
/// </summary>
internal sealed class ConvertVastloperHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, AuditTrail audit, TimeProvider time) : ICommandHandler<ConvertVastloperCommand, ConvertVastloperResponse>
{
    public async ValueTask<ConvertVastloperResponse> Handle(ConvertVastloperCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var vastloperCase = await db.Cases.Where(c => c.Id == command.Id && c.CaseType == "vastloper").VisibleTo(actor).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiProblemException.NotFound("De vastloper");
        CaseAccess.EnsureMayWrite(actor);
        if (command.ExpectedVersion is { } expected && expected != vastloperCase.Version)
        {
            throw ApiProblemException.Of(ProblemTypes.ConcurrencyConflict, $"De vastloper is intussen gewijzigd (versie {vastloperCase.Version}, u stuurde {expected}).");
        }

        var vastloper = await db.Set<Vastloper>().FirstAsync(v => v.CaseId == command.Id, cancellationToken);
        var action = vastloperCase.State == "bestuurlijkOverleg" ? "boOmzettenInKnelpunt" : "omzettenInKnelpunt";
        await transitions.FireAsync(vastloperCase, actor, action, ActionInput.WithReason(command.Reason), cancellationToken);

        var link = db.ChangeTracker.Entries<CaseLink>().Select(e => e.Entity).Single(l => l.ToCaseId == vastloperCase.Id && l.Kind == CaseLink.AfgeleidVan);
        var knelpuntCase = db.ChangeTracker.Entries<CaseFile>().Select(e => e.Entity).Single(c => c.Id == link.FromCaseId);
        var now = time.GetUtcNow();
        knelpuntCase.RouteTo(MeetingBodies.Sbsd, now);
        var wet = command.Wet is { Naam.Length: > 0 } w ? new WetReferentie(w.Naam, w.BwbId, w.Artikel) : new WetReferentie("Nog te bepalen bij triage", null, null);
        db.Set<Knelpunt>().Add(Knelpunt.Create(
            knelpuntCase.Id,
            $"{vastloper.Omschrijving}\n\nOmgezet uit vastloper {vastloperCase.Reference}: {command.Reason}",
            wet,
            null,
            IndienerSoort.Alliantie,
            vastloperCase.OwningOrganisation,
            [vastloper.FocusgebiedCode],
            null,
            now));
        await audit.AppendAsync(
            AuditTrail.CaseStream(knelpuntCase.Id), actor, "zaak.afgeleid", "zaak", knelpuntCase.Id.ToString(), "ok", null,
            new { afgeleidVan = vastloperCase.Reference, vastloper = vastloperCase.Id, doorgezetNaar = MeetingBodies.Sbsd },
            command.Reason, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return new ConvertVastloperResponse(
            await VastloperQueries.LoadAsync(db, vastloperCase.Id, actor, cancellationToken),
            knelpuntCase.Id,
            knelpuntCase.Reference);
    }
}

internal static class VastloperQueries
{
    public static async Task<VastloperDto> LoadAsync(CaseworkDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var caseFile = await db.Cases.AsNoTracking().Where(c => c.Id == id && c.CaseType == "vastloper").VisibleTo(actor).FirstOrDefaultAsync(ct)
            ?? throw ApiProblemException.NotFound("De vastloper");
        var v = await db.Set<Vastloper>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id, ct)
            ?? throw ApiProblemException.NotFound("De vastloper");
        return new VastloperDto(id, EscalationCaseViews.ToDto(caseFile), v.Omschrijving, v.FocusgebiedCode, v.Department, v.ViaCoordinatingDepartment, v.BesprokenInOverlegDate, await EscalationCaseViews.LinksAsync(db, id, actor, ct));
    }
}
