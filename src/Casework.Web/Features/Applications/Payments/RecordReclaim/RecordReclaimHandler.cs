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
internal sealed class RecordReclaimHandler(CaseworkDbContext db, ICurrentActor current, RoundLedger ledger, AuditTrail audit, TimeProvider time) :
    ICommandHandler<RecordReclaimCommand, ReclaimResultDto>
{
    public async ValueTask<ReclaimResultDto> Handle(RecordReclaimCommand command, CancellationToken cancellationToken)
    {
        var (application, actor) = await ApplicationMoney.LoadForVroAsync(db, current.Actor, command.Id, cancellationToken);
        var request = command.Request!;
        var amount = new Money(request.Amount);
        var before = await ApplicationMoney.TotalsAsync(db, application, cancellationToken);
        if (new Money(before.Reclaimed) + amount > new Money(before.Paid))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "TERUGVORDERING-BOVEN-BETAALD",
                $"Er kan niet {amount} worden teruggevorderd: op deze aanvraag is {new Money(before.Paid)} betaald en al {new Money(before.Reclaimed)} teruggevorderd.",
                RecordPaymentHandler.PaymentSource));
        }

        await ledger.ReclaimAsync(application.TrancheId, amount, cancellationToken);

        var reclamation = new Reclamation(application.Id, amount, request.Reason!.Trim(), actor.UserId, time.GetUtcNow());
        db.Add(reclamation);
        var values = new { terugvorderingId = reclamation.Id, bedrag = amount.Euros };
        await audit.AppendAsync(AuditTrail.CaseStream(application.Id), actor, "aanvraag.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, values, reclamation.Reason, cancellationToken);
        await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor, "ronde.terugvorderingGeregistreerd", "terugvordering", reclamation.Id.ToString(), "ok", null, values, reclamation.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ReclaimResultDto(ApplicationMoney.ToDto(reclamation), await ApplicationMoney.TotalsAsync(db, application, cancellationToken));
    }
}
