using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal sealed class GetApplicationHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetApplicationQuery, ApplicationDto>
{
    public async ValueTask<ApplicationDto> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.Id, current.Actor, cancellationToken, tracked: false);
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, cancellationToken);
        return await ApplicationMapping.ToDtoAsync(db, application, caseFile, tranche, cancellationToken);
    }
}
