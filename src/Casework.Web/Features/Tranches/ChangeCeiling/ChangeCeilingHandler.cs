using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal sealed class ChangeCeilingHandler(CaseworkDbContext db, ICurrentActor current, Applications.RoundLedger ledger, AuditTrail audit, IMediator mediator) : ICommandHandler<ChangeCeilingCommand, TrancheDto>
{
    /// <summary>Raises or lowers the ceiling through the round's ledger, so it never drops below what is committed, even against a racing award.</summary>
    public async ValueTask<TrancheDto> Handle(ChangeCeilingCommand command, CancellationToken cancellationToken)
    {
        var actor = TrancheAccess.Require(current, Role.Beheerder, null);
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var before = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(tranche.Id), cancellationToken);
        var ceiling = new Money(command.Request!.Ceiling);
        await ledger.ChangeCeilingAsync(tranche.Id, ceiling, cancellationToken);

        await audit.AppendAsync(TrancheAudit.Stream(tranche.Id), actor, "ronde.plafondGewijzigd", "ronde", tranche.Id.ToString(), "ok",
            new { plafond = before.Ceiling.Euros }, new { plafond = ceiling.Euros }, command.Request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(tranche.Id), cancellationToken);
    }
}
