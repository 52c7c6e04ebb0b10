using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Tranches;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Writes the round's ledger through <see cref="RoundLedger"/> (the domain decides, one conditional UPDATE applies
/// it, so concurrent writers can never pay out more than is committed, or reclaim more than was paid) and its own row
/// plus audit events in the same transaction; a refusal leaves nothing written.
/// </summary>
internal sealed class RecordPaymentHandler(CaseworkDbContext db, ICurrentActor current, RoundLedger ledger, AuditTrail audit, TimeProvider time) :
    ICommandHandler<RecordPaymentCommand, PaymentResultDto>
{
    public const string PaymentSource = "Besluit Woningbouwimpuls 2020 art. 4; Regeling specifieke uitkering";

    public async ValueTask<PaymentResultDto> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var (application, actor) = await ApplicationMoney.LoadForVroAsync(db, current.Actor, command.Id, cancellationToken);
        var request = command.Request!;
        var awarded = application.AwardedAmount!.Value;
        var portion = new Money(request.Amount);
        var share = request.BtwCompensatiefondsShare ?? 0m;
        var before = await ApplicationMoney.TotalsAsync(db, application, cancellationToken);
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
        await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor, "ronde.betalingGeregistreerd", "betaling", payment.Id.ToString(), "ok", null, values, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PaymentResultDto(ApplicationMoney.ToDto(payment), await ApplicationMoney.TotalsAsync(db, application, cancellationToken));
    }
}
