using System.Text.Json;
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
/// The friendlier shape of converting a vastloper into a knelpunt: maps the body onto the definition's own action
/// (<c>omzettenInKnelpunt</c>, or <c>boOmzettenInKnelpunt</c> when the case lies with the bestuurlijk overleg) and
/// takes the one path of every case action. What the conversion means for the new knelpunt is
/// <see cref="VastloperConversionHook"/>'s, so the generic action endpoint and the case page give the same knelpunt.
/// </summary>
internal sealed class ConvertVastloperHandler(CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions) : ICommandHandler<ConvertVastloperCommand, ConvertVastloperResponse>
{
    /// <summary>The conversion the definition offers where the vastloper lies now (alliance or bestuurlijk overleg).</summary>
    private string ConversionOf(CaseFile caseFile) => caseFile.CaseType == "vastloper"
        ? transitions.OfferedNow(caseFile, VastloperConversionHook.Actions) ?? VastloperConversionHook.Actions[0]
        : throw ApiProblemException.NotFound("De vastloper");

    public async ValueTask<ConvertVastloperResponse> Handle(ConvertVastloperCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var data = new Dictionary<string, JsonElement>();
        if (command.Wet is { Naam.Length: > 0 } wet)
        {
            data[VastloperConversionHook.WetField] = JsonSerializer.SerializeToElement(wet.Naam);
            Add(data, VastloperConversionHook.BwbIdField, wet.BwbId);
            Add(data, VastloperConversionHook.ArtikelField, wet.Artikel);
        }

        var converted = await path.FireAsync(command.Id, ConversionOf, command.ExpectedVersion, new ActionInput(command.Reason, data), cancellationToken);
        var knelpunt = await db.CaseLinks.AsNoTracking()
            .Where(l => l.ToCaseId == converted.Id && l.Kind == CaseLink.AfgeleidVan)
            .Join(db.Cases, l => l.FromCaseId, c => c.Id, (l, c) => new { c.Id, c.Reference })
            .SingleAsync(cancellationToken);
        return new ConvertVastloperResponse(await VastloperQueries.LoadAsync(db, converted.Id, actor, cancellationToken), knelpunt.Id, knelpunt.Reference);
    }

    private static void Add(Dictionary<string, JsonElement> data, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[field] = JsonSerializer.SerializeToElement(value);
        }
    }
}

/// <summary>
/// What converting a vastloper means for the knelpunt that the action's <c>openLinkedCase</c> effect opened (with an
/// <c>afgeleid-van</c> link), however the action was fired: the knelpunt gets its substance from the vastloper (its
/// description, the focusgebied, the law when given), goes to SBSD triage, and its audit trail records the origin.
/// </summary>
internal sealed class VastloperConversionHook(CaseworkDbContext db, AuditTrail audit, TimeProvider time) : ITransitionHook
{
    public static readonly string[] Actions = ["omzettenInKnelpunt", "boOmzettenInKnelpunt"];
    public const string WetField = "wet";
    public const string BwbIdField = "bwbId";
    public const string ArtikelField = "artikel";

    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (caseFile.CaseType != "vastloper" || !Actions.Contains(transition.ActionId))
        {
            return;
        }

        var vastloper = await db.Set<Vastloper>().FirstAsync(v => v.CaseId == caseFile.Id, ct);
        var link = db.ChangeTracker.Entries<CaseLink>().Select(e => e.Entity).Single(l => l.ToCaseId == caseFile.Id && l.Kind == CaseLink.AfgeleidVan);
        var knelpuntCase = db.ChangeTracker.Entries<CaseFile>().Select(e => e.Entity).Single(c => c.Id == link.FromCaseId);
        var now = time.GetUtcNow();
        knelpuntCase.RouteTo(MeetingBodies.Sbsd, now);
        var wet = Text(input, WetField) is { } naam ? new WetReferentie(naam, Text(input, BwbIdField), Text(input, ArtikelField)) : new WetReferentie("Nog te bepalen bij triage", null, null);
        db.Set<Knelpunt>().Add(Knelpunt.Create(
            knelpuntCase.Id,
            $"{vastloper.Omschrijving}\n\nOmgezet uit vastloper {caseFile.Reference}: {input.Reason}",
            wet,
            null,
            IndienerSoort.Alliantie,
            caseFile.OwningOrganisation,
            [vastloper.FocusgebiedCode],
            null,
            now));
        await audit.AppendAsync(
            AuditTrail.CaseStream(knelpuntCase.Id), actor, "zaak.afgeleid", "zaak", knelpuntCase.Id.ToString(), "ok", null,
            new { afgeleidVan = caseFile.Reference, vastloper = caseFile.Id, doorgezetNaar = MeetingBodies.Sbsd },
            input.Reason, ct);
    }

    private static string? Text(ActionInput input, string field) =>
        input.Data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
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
