using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

internal sealed class WorkQueueFilterOptionsHandler(DefinitionCatalog catalog, CaseworkDbContext db, ICurrentActor current) :
    IQueryHandler<WorkQueueFilterOptionsQuery, WorkQueueFilterOptions>
{
    public async ValueTask<WorkQueueFilterOptions> Handle(WorkQueueFilterOptionsQuery query, CancellationToken cancellationToken)
    {
        var latest = catalog.All.GroupBy(d => d.Definition.CaseType, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.Definition.Version).First().Definition)
            .OrderBy(d => d.Title, StringComparer.CurrentCulture)
            .ToList();
        IReadOnlyList<CaseTypeOption> types = latest.Select(d => new CaseTypeOption(d.CaseType, d.Title)).ToList();

        // Per type, in the order the workflow runs through them: a state id means something else in another type.
        IReadOnlyList<CaseStateOption> states = latest
            .SelectMany(d => d.States.Where(s => !s.Final).Select(s => new CaseStateOption(s.Id, s.Label, d.CaseType)))
            .ToList();

        var actor = current.Actor;
        var leads = !CaseAccess.SeesEverything(actor)
            && await db.Cases.AsNoTracking().AnyAsync(c => !c.IsClosed && c.LeadDepartment == actor.Organisation, cancellationToken);
        var behandelaars = await db.Cases.AsNoTracking()
            .Where(c => !c.IsClosed && c.RoutedTo == actor.Organisation && c.Behandelaar != null)
            .Select(c => new { c.Behandelaar, c.BehandelaarName })
            .Distinct()
            .ToListAsync(cancellationToken);
        var options = behandelaars
            .GroupBy(b => b.Behandelaar!, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, string>(g.Key, g.First().BehandelaarName ?? g.Key))
            .OrderBy(b => b.Value, StringComparer.CurrentCulture)
            .ToList();
        return new WorkQueueFilterOptions(types, states, leads, options);
    }
}
