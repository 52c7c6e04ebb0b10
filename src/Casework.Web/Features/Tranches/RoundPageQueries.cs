using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// What the round page shows beside the ranking of <see cref="GetTrancheQuery"/>: the committee's advice and the
/// gemeente's name per application of the round. Like the ranking itself, not for gemeenten (empty for them).
/// </summary>
public sealed record RoundApplicationDetailsQuery(Guid TrancheId) : IQuery<IReadOnlyDictionary<Guid, RoundApplicationDetailsDto>>;

public sealed record RoundApplicationDetailsDto(Guid ApplicationId, string GemeenteCode, string GemeenteName, CommitteeAdvice? Advice);

internal sealed class RoundApplicationDetailsHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<RoundApplicationDetailsQuery, IReadOnlyDictionary<Guid, RoundApplicationDetailsDto>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, RoundApplicationDetailsDto>> Handle(RoundApplicationDetailsQuery query, CancellationToken cancellationToken)
    {
        if (current.Actor.Roles.All(r => r == Role.GemeenteAanvrager))
        {
            return new Dictionary<Guid, RoundApplicationDetailsDto>();
        }

        var rows = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.TrancheId == query.TrancheId)
            .Select(a => new { a.Id, a.ApplicantCbsCode, a.Advice })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.ApplicantCbsCode).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new RoundApplicationDetailsDto(r.Id, r.ApplicantCbsCode, names.GetValueOrDefault(r.ApplicantCbsCode, r.ApplicantCbsCode), r.Advice));
    }
}
