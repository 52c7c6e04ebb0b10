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

internal sealed class GetApplicationPaymentsHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetApplicationPaymentsQuery, ApplicationPaymentsDto>
{
    public async ValueTask<ApplicationPaymentsDto> Handle(GetApplicationPaymentsQuery query, CancellationToken cancellationToken)
    {
        await CaseAccess.LoadVisibleAsync(db, query.Id, current.Actor, cancellationToken);
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
            ?? throw ApiProblemException.NotFound("De aanvraag");
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var reclaims = await db.Set<Reclamation>().AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken);
        return new ApplicationPaymentsDto(
            ApplicationMoney.Totals(application, payments, reclaims),
            payments.OrderBy(p => p.PaidOnDate).ThenBy(p => p.RecordedAt).Select(ApplicationMoney.ToDto).ToList(),
            reclaims.OrderBy(r => r.RecordedAt).Select(ApplicationMoney.ToDto).ToList());
    }
}
