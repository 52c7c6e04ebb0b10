using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Vastlopers;

internal static class VastloperQueries
{
    public static async Task<VastloperDto> LoadAsync(CaseworkDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var caseFile = await db.Cases.AsNoTracking().Where(c => c.Id == id && c.CaseType == "vastloper").VisibleTo(actor).FirstOrDefaultAsync(ct)
            ?? throw ApiProblemException.NotFound("De vastloper");
        var v = await db.Set<Vastloper>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id, ct)
            ?? throw ApiProblemException.NotFound("De vastloper");
        return new VastloperDto(id, EscalationCaseViews.ToDto(caseFile), v.Omschrijving, v.FocusgebiedCode, v.Department, v.ViaCoordinatingDepartment, v.BesprokenInOverlegDate, await EscalationCaseViews.LinksAsync(db, id, actor, ct));
    }
}
