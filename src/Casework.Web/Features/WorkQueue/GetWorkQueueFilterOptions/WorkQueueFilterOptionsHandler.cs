using Casework.Workflows.Loading;
using Mediator;

namespace Casework.Web.Features.WorkQueue;

internal sealed class WorkQueueFilterOptionsHandler(DefinitionCatalog catalog) :
    IQueryHandler<WorkQueueFilterOptionsQuery, (IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)>
{
    public ValueTask<(IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)> Handle(WorkQueueFilterOptionsQuery query, CancellationToken cancellationToken)
    {
        var latest = catalog.All.GroupBy(d => d.Definition.CaseType, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.Definition.Version).First().Definition)
            .ToList();
        IReadOnlyList<CaseTypeOption> types = latest.Select(d => new CaseTypeOption(d.CaseType, d.Title)).OrderBy(t => t.Label, StringComparer.Ordinal).ToList();
        IReadOnlyList<CaseStateOption> states = latest.SelectMany(d => d.States.Where(s => !s.Final))
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .Select(g => new CaseStateOption(g.Key, string.Join(" / ", g.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .OrderBy(s => s.Label, StringComparer.CurrentCulture)
            .ToList();
        return ValueTask.FromResult((types, states));
    }
}
