using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Knelpunten;

internal static class KnelpuntQueries
{
    /// <summary>The knelpunt as the actor may see it; another organisation's knelpunt is 404 like a missing one.</summary>
    public static async Task<KnelpuntDto> LoadAsync(CaseworkDbContext db, Guid id, Actor actor, CancellationToken ct)
    {
        var caseFile = await db.Cases.AsNoTracking().Where(c => c.Id == id && c.CaseType == "knelpunt").VisibleTo(actor).FirstOrDefaultAsync(ct)
            ?? throw ApiProblemException.NotFound("Het knelpunt");
        var k = await db.Set<Knelpunt>().AsNoTracking().FirstOrDefaultAsync(x => x.CaseId == id, ct)
            ?? throw ApiProblemException.NotFound("Het knelpunt");
        var links = await EscalationCaseViews.LinksAsync(db, id, actor, ct);
        return new KnelpuntDto(
            id,
            EscalationCaseViews.ToDto(caseFile),
            k.Omschrijving,
            new WetReferentieDto(k.Wet.Naam, k.Wet.BwbId, k.Wet.Artikel),
            k.Domein is { } d ? EscalationCaseViews.DomeinCodes[d] : null,
            k.IndienerSoort,
            k.IndienerOrganisatie,
            k.Focusgebieden,
            k.VoorgesteldeOplossing,
            links);
    }
}
