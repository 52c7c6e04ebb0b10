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

/// <summary>What the payment use cases share: the VRO check, the totals of an application and the DTOs.</summary>
internal static class ApplicationMoney
{
    public static PaymentDto ToDto(Payment p) =>
        new(p.Id, p.ApplicationId, p.AwardedPortion.Euros, p.BtwCompensatiefondsShare, p.Paid.Euros, p.PaidOnDate, p.RecordedBy, p.RecordedAt);

    public static ReclaimDto ToDto(Reclamation r) => new(r.Id, r.ApplicationId, r.Amount.Euros, r.Reason, r.RecordedBy, r.RecordedAt);

    public static ApplicationMoneyTotalsDto Totals(FundingApplication application, IEnumerable<Payment> payments, IEnumerable<Reclamation> reclaims)
    {
        // Few rows per application: summed here, exactly, rather than as SQLite TEXT in the database.
        var list = payments.ToList();
        return new ApplicationMoneyTotalsDto(
            application.AwardedAmount?.Euros ?? 0m,
            list.Sum(p => p.AwardedPortion.Euros),
            list.Sum(p => p.Paid.Euros),
            reclaims.Sum(r => r.Amount.Euros));
    }

    public static async Task<ApplicationMoneyTotalsDto> TotalsAsync(CaseworkDbContext db, FundingApplication application, CancellationToken ct)
    {
        var payments = await db.Set<Payment>().Where(p => p.ApplicationId == application.Id).ToListAsync(ct);
        var reclaims = await db.Set<Reclamation>().Where(r => r.ApplicationId == application.Id).ToListAsync(ct);
        return Totals(application, payments, reclaims);
    }

    /// <summary>404 when the case is not visible, 403 unless a VRO Beoordelaar, 409 when nothing has been awarded.</summary>
    public static async Task<(FundingApplication Application, Casework.Workflows.Engine.Actor Actor)> LoadForVroAsync(CaseworkDbContext db, Casework.Workflows.Engine.Actor actor, Guid id, CancellationToken ct)
    {
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
