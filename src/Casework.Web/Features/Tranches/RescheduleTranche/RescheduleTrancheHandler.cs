using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal sealed class RescheduleTrancheHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time, IMediator mediator) : ICommandHandler<RescheduleTrancheCommand, TrancheDto>
{
    public async ValueTask<TrancheDto> Handle(RescheduleTrancheCommand command, CancellationToken cancellationToken)
    {
        var actor = TrancheAccess.Require(current, Role.Beheerder, null);
        var tranche = await db.Set<Tranche>().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var before = new { tranche.OpensAt, tranche.ClosesAt };
        tranche.Reschedule(command.Request!.OpensAt!.Value, command.Request.ClosesAt, time.GetUtcNow());
        await audit.AppendAsync(TrancheAudit.Stream(tranche.Id), actor, "ronde.tijdvakVerschoven", "ronde", tranche.Id.ToString(), "ok",
            before, new { tranche.OpensAt, tranche.ClosesAt }, command.Request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetTrancheQuery(tranche.Id), cancellationToken);
    }
}
