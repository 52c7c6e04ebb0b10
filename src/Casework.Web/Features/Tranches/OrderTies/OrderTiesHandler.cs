using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal sealed class OrderTiesHandler(CaseworkDbContext db, ICurrentActor current, AuditTrail audit, TimeProvider time) : ICommandHandler<OrderTiesCommand, IReadOnlyList<RankingEntryDto>>
{
    public async ValueTask<IReadOnlyList<RankingEntryDto>> Handle(OrderTiesCommand command, CancellationToken cancellationToken)
    {
        var actor = TrancheAccess.Require(current, Role.Beoordelaar, "VRO");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var order = command.Request!.Order!;
        var ranking = await RoundRanking.LoadAsync(db, tranche.Id, cancellationToken);
        var ranked = ranking.Applications.Select(a => Guid.Parse(a.ApplicationReference)).ToHashSet();
        var unknown = order.Where(id => !ranked.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("order", $"Niet gerangschikt in deze ronde: {string.Join(", ", unknown)}.")]);
        }

        var existing = await db.Set<RoundTieBreak>().FirstOrDefaultAsync(t => t.TrancheId == tranche.Id, cancellationToken);
        var old = existing?.Order;
        if (existing is null)
        {
            db.Add(new RoundTieBreak(tranche.Id, order, actor.UserId, time.GetUtcNow()));
        }
        else
        {
            existing.Replace(order, actor.UserId, time.GetUtcNow());
        }

        await audit.AppendAsync(TrancheAudit.Stream(tranche.Id), actor, "ronde.gelijkeScoresGeordend", "ronde", tranche.Id.ToString(), "ok", new { volgorde = old }, new { volgorde = order }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await RankingQueries.EntriesAsync(db, tranche.Id, cancellationToken);
    }
}
