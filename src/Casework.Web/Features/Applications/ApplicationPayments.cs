using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// One payment on an award: the awarded portion paid out, the BTW-compensatiefonds share withheld from it
/// and the amount actually transferred to the gemeente.
/// </summary>
internal sealed class Payment
{
    private Payment()
    {
        RecordedBy = string.Empty;
    }

    public Payment(Guid applicationId, Money awardedPortion, decimal btwCompensatiefondsShare, Money paid, DateOnly paidOnDate, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        AwardedPortion = awardedPortion;
        BtwCompensatiefondsShare = btwCompensatiefondsShare;
        Paid = paid;
        PaidOnDate = paidOnDate;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The application (and its case: same id).</summary>
    public Guid ApplicationId { get; private set; }

    public Money AwardedPortion { get; private set; }

    public decimal BtwCompensatiefondsShare { get; private set; }

    public Money Paid { get; private set; }

    public DateOnly PaidOnDate { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>Money reclaimed from a gemeente on an application, with the reason.</summary>
internal sealed class Reclamation
{
    private Reclamation()
    {
        Reason = string.Empty;
        RecordedBy = string.Empty;
    }

    public Reclamation(Guid applicationId, Money amount, string reason, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Amount = amount;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Money Amount { get; private set; }

    public string Reason { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A payment on the award: the awarded portion paid out, the BTW-compensatiefonds share (0 when it does not apply) and the date.</summary>
public sealed record PaymentRequest(decimal Amount, decimal? BtwCompensatiefondsShare, DateOnly PaidOnDate);

/// <summary>Money reclaimed from the gemeente, with the reason.</summary>
public sealed record ReclaimRequest(decimal Amount, string? Reason);

public sealed record PaymentDto(Guid Id, Guid ApplicationId, decimal AwardedPortion, decimal BtwCompensatiefondsShare, decimal Paid, DateOnly PaidOnDate, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ReclaimDto(Guid Id, Guid ApplicationId, decimal Amount, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The application's money kept apart: awarded, awarded portion paid out, actually paid (less BTW share), reclaimed.</summary>
public sealed record ApplicationMoneyTotalsDto(decimal Awarded, decimal AwardedPaidOut, decimal Paid, decimal Reclaimed);

public sealed record PaymentResultDto(PaymentDto Payment, ApplicationMoneyTotalsDto Totals);

public sealed record ReclaimResultDto(ReclaimDto Reclaim, ApplicationMoneyTotalsDto Totals);

public sealed record ApplicationPaymentsDto(ApplicationMoneyTotalsDto Totals, IReadOnlyList<PaymentDto> Payments, IReadOnlyList<ReclaimDto> Reclaims);

public sealed record RecordPaymentCommand(Guid Id, PaymentRequest? Request) : ICommand<PaymentResultDto>;

public sealed record RecordReclaimCommand(Guid Id, ReclaimRequest? Request) : ICommand<ReclaimResultDto>;

public sealed record GetApplicationPaymentsQuery(Guid Id) : IQuery<ApplicationPaymentsDto>;

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de betaling als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.BtwCompensatiefondsShare).GreaterThanOrEqualTo(0m).LessThan(1m).When(c => c.Request?.BtwCompensatiefondsShare is not null)
            .OverridePropertyName("btwCompensatiefondsShare").WithMessage("Het aandeel BTW-compensatiefonds is een fractie van 0 tot 1 (bijvoorbeeld 0.21).");
        RuleFor(c => c.Request!.PaidOnDate).NotEmpty().When(c => c.Request is not null).OverridePropertyName("paidOnDate");
    }
}

internal sealed class RecordReclaimValidator : AbstractValidator<RecordReclaimCommand>
{
    public RecordReclaimValidator()
    {
        RuleFor(c => c.Request).NotNull().WithMessage("Stuur de terugvordering als JSON.");
        RuleFor(c => c.Request!.Amount).GreaterThan(0).Must(a => decimal.Round(a, 2) == a).When(c => c.Request is not null)
            .OverridePropertyName("amount").WithMessage("Het bedrag is een positief bedrag in euro's (ten hoogste 2 decimalen).");
        RuleFor(c => c.Request!.Reason).NotEmpty().MaximumLength(4000).When(c => c.Request is not null)
            .OverridePropertyName("reason").WithMessage("Vermeld de reden van de terugvordering (ten hoogste 4000 tekens).");
    }
}

/// <summary>
/// Payments and reclaims on an awarded application. Each writes the round's ledger through <see cref="RoundLedger"/>
/// (the domain decides, one conditional UPDATE applies it, so concurrent writers can never pay out more than is
/// committed, or reclaim more than was paid) and its own row plus audit events in the same transaction; a refusal
/// leaves nothing written.
/// </summary>
internal sealed class ApplicationPaymentHandlers(CaseworkDbContext db, ICurrentActor current, RoundLedger ledger, AuditTrail audit, TimeProvider time) :
    ICommandHandler<RecordPaymentCommand, PaymentResultDto>,
    ICommandHandler<RecordReclaimCommand, ReclaimResultDto>,
    IQueryHandler<GetApplicationPaymentsQuery, ApplicationPaymentsDto>
{
    private const string PaymentSource = "Besluit Woningbouwimpuls 2020 art. 4; Regeling specifieke uitkering";

    public async ValueTask<PaymentResultDto> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var (application, actor) = await LoadForVroAsync(command.Id, cancellationToken);
        var request = command.Request!;
        var awarded = application.AwardedAmount!.Value;
        var portion = new Money(request.Amount);
        var share = request.BtwCompensatiefondsShare ?? 0m;
        var before = await TotalsAsync(application, cancellationToken);
        if (new Money(before.AwardedPaidOut) + portion > awarded)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "BETALING-BOVEN-TOEKENNING",
                $"Een betaling van {portion} past niet: toegekend {awarded}, al uitbetaald {new Money(before.AwardedPaidOut)}.",
                PaymentSource));
        }

        // The gemeente receives the award less the share that goes to the BTW-compensatiefonds, in whole cents.
        var paid = await ledger.RecordPaymentAsync(application.TrancheId, portion, share, cancellationToken);

        var now = time.GetUtcNow();
        var payment = new Payment(application.Id, portion, share, paid, request.PaidOnDate, actor.UserId, now);
        db.Add(payment);
        var values = new { betalingId = payment.Id, toegekendDeel = portion.Euros, aandeelBtwCompensatiefonds = share, betaald = paid.Euros, betaaldOp = request.PaidOnDate };
        await audit.AppendAsync(AuditTrail.CaseStream(application.Id), actor, "aanvraag.betalingGeregistreerd", "betaling", payment.Id.ToString(), "ok", null, values, null, cancellationToken);
        await audit.AppendAsync(TrancheAdministrationHandlers.Stream(application.TrancheId), actor, "ronde.betalingGeregistreerd", "betaling", payment.Id.ToString(), "ok", null, values, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PaymentResultDto(ToDto(payment), await TotalsAsync(application, cancellationToken));
    }

    public async ValueTask<ReclaimResultDto> Handle(RecordReclaimCommand command, CancellationToken cancellationToken)
    {
        var (application, actor) = await LoadForVroAsync(command.Id, cancellationToken);
        var request = command.Request!;
        var amount = new Money(request.Amount);
        var before = await TotalsAsync(application, cancellationToken);
        if (new Money(before.Reclaimed) + amount > new Money(before.Paid))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "TERUGVORDERING-BOVEN-BETAALD",
                $"Er kan niet {amount} worden teruggevorderd: op deze aanvraag is {new Money(before.Paid)} betaald en al {new Money(before.Reclaimed)} teruggevorderd.",
                PaymentSource));
        }

        await ledger.ReclaimAsync(application.TrancheId, amount, cancellationToken);

        var reclamation = new Reclamation(application.Id, amount, request.Reason!.Trim(), actor.UserId, time.GetUtcNow());
        db.Add(reclamation);
        var values = new { terugvorderingId = reclamation.Id, bedrag = amount.Euros };
        await audit.AppendAsync(AuditTrail.CaseStream(application.Id), actor, "aanvraag.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, values, reclamation.Reason, cancellationToken);
        await audit.AppendAsync(TrancheAdministrationHandlers.Stream(application.TrancheId), actor, "ronde.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, values, reclamation.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ReclaimResultDto(ToDto(reclamation), await TotalsAsync(application, cancellationToken));
    }

    public async ValueTask<ApplicationPaymentsDto> Handle(GetApplicationPaymentsQuery query, CancellationToken cancellationToken)
    {
        await CaseAccess.LoadVisibleAsync(db, query.Id, current.Actor, cancellationToken);
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var reclaims = await db.Set<Reclamation>().AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return new ApplicationPaymentsDto(
            Totals(application, payments, reclaims),
            payments.OrderBy(p => p.PaidOnDate).ThenBy(p => p.RecordedAt).Select(ToDto).ToList(),
            reclaims.OrderBy(r => r.RecordedAt).Select(ToDto).ToList());
    }


    private static PaymentDto ToDto(Payment p) =>
        new(p.Id, p.ApplicationId, p.AwardedPortion.Euros, p.BtwCompensatiefondsShare, p.Paid.Euros, p.PaidOnDate, p.RecordedBy, p.RecordedAt);

    private static ReclaimDto ToDto(Reclamation r) => new(r.Id, r.ApplicationId, r.Amount.Euros, r.Reason, r.RecordedBy, r.RecordedAt);

    private static ApplicationMoneyTotalsDto Totals(FundingApplication application, IEnumerable<Payment> payments, IEnumerable<Reclamation> reclaims)
    {
        // Few rows per application: summed here, exactly, rather than as SQLite TEXT in the database.
        var list = payments.ToList();
        return new ApplicationMoneyTotalsDto(
            application.AwardedAmount?.Euros ?? 0m,
            list.Sum(p => p.AwardedPortion.Euros),
            list.Sum(p => p.Paid.Euros),
            reclaims.Sum(r => r.Amount.Euros));
    }

    private async Task<ApplicationMoneyTotalsDto> TotalsAsync(FundingApplication application, CancellationToken ct)
    {
        var payments = await db.Set<Payment>().Where(p => p.ApplicationId == application.Id).ToListAsync(ct);
        var reclaims = await db.Set<Reclamation>().Where(r => r.ApplicationId == application.Id).ToListAsync(ct);
        return Totals(application, payments, reclaims);
    }

    /// <summary>404 when the case is not visible, 403 unless a VRO Beoordelaar, 409 when nothing has been awarded.</summary>
    private async Task<(FundingApplication Application, Casework.Workflows.Engine.Actor Actor)> LoadForVroAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Actor;
        await CaseAccess.LoadVisibleAsync(db, id, actor, ct);
        if (!actor.Roles.Contains(Role.Beoordelaar) || actor.Organisation != "VRO")
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een Beoordelaar van VRO registreert betalingen en terugvorderingen.");
        }

        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        if (application.AwardedAmount is null)
        {
            throw ApiProblemException.Of(ProblemTypes.Conflict, "Aan deze aanvraag is (nog) niets toegekend.");
        }

        return (application, actor);
    }
}

internal static class ApplicationPaymentEndpoints
{
    public static IEndpointRouteBuilder MapApplicationPaymentEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Aanvragen").RequireAuthorization();

        group.MapGet("/{id:guid}/payments", async (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetApplicationPaymentsQuery(id), ct))
            .WithName("listApplicationPayments")
            .WithSummary("Betalingen en terugvorderingen op een aanvraag, met de totalen: toegekend, uitbetaald, betaald, teruggevorderd")
            .Produces<ApplicationPaymentsDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/payments", async (Guid id, PaymentRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new RecordPaymentCommand(id, body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/applications/{id}/payments", dto);
            })
            .WithName("recordApplicationPayment")
            .WithSummary("Een betaling op de toekenning registreren (minus het aandeel BTW-compensatiefonds); nooit meer dan toegekend")
            .Produces<PaymentResultDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/reclaims", async (Guid id, ReclaimRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new RecordReclaimCommand(id, body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/applications/{id}/payments", dto);
            })
            .WithName("recordApplicationReclaim")
            .WithSummary("Een terugvordering op de aanvraag registreren; nooit meer dan op de aanvraag is betaald")
            .Produces<ReclaimResultDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
