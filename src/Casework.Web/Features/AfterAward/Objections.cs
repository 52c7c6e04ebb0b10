using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Deadlines;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using DutchDate = Casework.Domain.Time.DutchDate;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// The gemeente objects to the vaststelling or the terugvordering (Awb 6:4, 7:1): a case of its own of the
/// <c>bezwaar-besluit</c> definition, linked to the award, decided by VRO under the vier-ogenprincipe.
/// </summary>
public sealed record LodgeObjectionCommand(Guid Id, ObjectionRequest? Request) : ICommand<ObjectionDto>;

/// <param name="Besluit">vaststelling or terugvordering.</param>
public sealed record ObjectionRequest(string? Besluit, string? Reason);

/// <param name="OnTime">Received by the end of the bezwaartermijn (Awb 6:9 lid 1), or before it began (6:10 lid 1 onder a).
/// A late objection is still a case: the department decides whether it is niet-ontvankelijk (Awb 6:11).</param>
public sealed record ObjectionDto(Guid CaseId, string Reference, string Besluit, string State, string StateLabel, string? Resultaat, DateOnly Verzenddatum, DateOnly BezwaarUiterlijk, DateOnly ReceivedOn, bool OnTime, string Reason);

/// <summary>An objection against a besluit after the award: which besluit, when it was sent and when the term ended.</summary>
internal sealed class BesluitBezwaar
{
    private BesluitBezwaar()
    {
        Besluit = string.Empty;
        Reason = string.Empty;
        LodgedBy = string.Empty;
    }

    public BesluitBezwaar(Guid caseId, Guid applicationId, string besluit, Guid decisionId, DateOnly verzenddatum, DateOnly bezwaarUiterlijk, DateOnly receivedOn, string reason, string lodgedBy, DateTimeOffset lodgedAt)
    {
        Id = caseId;
        ApplicationId = applicationId;
        Besluit = besluit;
        DecisionId = decisionId;
        Verzenddatum = verzenddatum;
        BezwaarUiterlijk = bezwaarUiterlijk;
        ReceivedOn = receivedOn;
        Reason = reason;
        LodgedBy = lodgedBy;
        LodgedAt = lodgedAt;
    }

    /// <summary>The objection's case id.</summary>
    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Besluit { get; private set; }

    /// <summary>The recorded besluit (<c>CaseDecision</c>) the objection is against.</summary>
    public Guid DecisionId { get; private set; }

    public DateOnly Verzenddatum { get; private set; }

    public DateOnly BezwaarUiterlijk { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public bool OnTime => ReceivedOn <= BezwaarUiterlijk;

    public string Reason { get; private set; }

    public string LodgedBy { get; private set; }

    public DateTimeOffset LodgedAt { get; private set; }
}

internal static class ObjectionRules
{
    public const string DefinitionId = "bezwaar-besluit";
    public const string Vaststelling = "vaststelling";
    public const string Terugvordering = "terugvordering";

    public static string Label(string besluit) => besluit == Terugvordering ? "terugvordering" : "vaststelling";
}

internal sealed class LodgeObjectionValidator : AbstractValidator<LodgeObjectionCommand>
{
    public LodgeObjectionValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur het bezwaar als JSON.");
        RuleFor(c => c.Request!.Besluit).Must(b => b is ObjectionRules.Vaststelling or ObjectionRules.Terugvordering).When(c => c.Request is not null)
            .OverridePropertyName("besluit").WithMessage("Kies het besluit waartegen u bezwaar maakt: vaststelling of terugvordering (Awb 7:1).");
        RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("Vermeld de gronden van het bezwaar (Awb 6:5 lid 1 onder d; ten hoogste 4000 tekens).");
    }
}

internal sealed class LodgeObjectionHandler(CaseworkDbContext db, ICurrentActor current, AfterAwardService service, CaseOpener opener, CaseTransitions transitions, LegalCalendar calendars, AuditTrail audit)
    : ICommandHandler<LodgeObjectionCommand, ObjectionDto>
{
    public async ValueTask<ObjectionDto> Handle(LodgeObjectionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (application, caseFile) = await service.LoadForGemeenteAsync(command.Id, actor, cancellationToken);
        var request = command.Request!;
        var besluit = request.Besluit!;
        var vaststelling = await db.Set<Vaststelling>().AsNoTracking().FirstOrDefaultAsync(v => v.ApplicationId == application.Id, cancellationToken)
            ?? throw ApiProblemException.Of(ProblemTypes.Conflict, "De uitkering is (nog) niet vastgesteld; er is geen besluit om bezwaar tegen te maken.");
        var (decisionId, sent) = (vaststelling.DecisionId, vaststelling.Verzenddatum);
        if (besluit == ObjectionRules.Terugvordering)
        {
            var terugvordering = await db.Set<Terugvordering>().AsNoTracking().FirstOrDefaultAsync(t => t.ApplicationId == application.Id, cancellationToken)
                ?? throw ApiProblemException.Of(ProblemTypes.Conflict, "Bij deze vaststelling hoort geen terugvordering; maak zo nodig bezwaar tegen de vaststelling.");
            (decisionId, sent) = (terugvordering.DecisionId, terugvordering.Verzenddatum);
        }

        var open = await db.Set<BesluitBezwaar>().Where(b => b.ApplicationId == application.Id && b.Besluit == besluit)
            .Join(db.Cases.IgnoreAutoIncludes(), b => b.Id, c => c.Id, (b, c) => new { c.Reference, c.IsClosed })
            .Where(x => !x.IsClosed).Select(x => x.Reference).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, $"Tegen de {ObjectionRules.Label(besluit)} loopt al een bezwaar ({open}).");
        }

        // Awb 6:7 and 6:8 lid 1: six weeks from the day after the verzenddatum; computed as the term the besluit started.
        var today = service.Today;
        var term = Deadline.Start(caseFile.Id, TermKinds.Bezwaartermijn, sent, await calendars.GetAsync(db, cancellationToken));
        var end = term.CurrentDueDate;
        var reason = request.Reason!.Trim();
        var objection = await opener.OpenAsync(ObjectionRules.DefinitionId, caseFile.OwningOrganisation, $"Bezwaar tegen de {ObjectionRules.Label(besluit)}: {caseFile.Title}", actor, cancellationToken);
        db.CaseLinks.Add(new CaseLink(objection.Id, caseFile.Id, CaseLink.AfgeleidVan, service.Now, reason));
        var row = new BesluitBezwaar(objection.Id, application.Id, besluit, decisionId, sent, end, today, reason, actor.UserId, service.Now);
        db.Add(row);
        await transitions.FireAsync(objection, actor, "indienen", ActionInput.WithReason(reason), cancellationToken);

        // Awb 7:10 lid 1: the decision term runs from the day after the bezwaartermijn ended (from receipt for a late one).
        await service.StartDeadlineAsync(objection.Id, TermKinds.BeslissingOpBezwaar, end < today ? today : end, null, null, cancellationToken);
        await audit.AppendAsync(AuditTrail.CaseStream(caseFile.Id), actor, "bezwaar.ingediend", "besluit", decisionId.ToString(), "ok", null,
            new { besluit, bezwaarzaak = objection.Reference, verzenddatum = sent, bezwaarUiterlijk = end, tijdig = row.OnTime }, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ObjectionReader.ToDto(row, objection);
    }
}

internal static class ObjectionReader
{
    public static ObjectionDto ToDto(BesluitBezwaar b, CaseFile c) =>
        new(b.Id, c.Reference, b.Besluit, c.State, c.StateLabel, c.Resultaat, b.Verzenddatum, b.BezwaarUiterlijk, b.ReceivedOn, b.OnTime, b.Reason);

    public static async Task<IReadOnlyList<ObjectionDto>> ForAsync(CaseworkDbContext db, Guid applicationId, CancellationToken ct)
    {
        var rows = await db.Set<BesluitBezwaar>().AsNoTracking().Where(b => b.ApplicationId == applicationId).OrderBy(b => b.LodgedAt).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var cases = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return rows.Select(r => ToDto(r, cases[r.Id])).ToList();
    }

    public static string Describe(ObjectionDto o) =>
        $"Bezwaar {o.Reference} tegen de {ObjectionRules.Label(o.Besluit)}: {o.StateLabel.ToLowerInvariant()}" +
        (o.OnTime ? string.Empty : $" (ontvangen na afloop van de bezwaartermijn op {DutchDate.WithWeekday(o.BezwaarUiterlijk)})");
}
