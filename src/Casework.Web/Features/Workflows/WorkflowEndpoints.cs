using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Definitions;
using Casework.Workflows.Diagrams;
using Casework.Workflows.Loading;

namespace Casework.Web.Features.Workflows;

public sealed record WorkflowSummaryDto(string Id, string Title, string CaseType, int LatestVersion, IReadOnlyList<int> Versions);

public sealed record WorkflowVersionDto(string Id, int Version, string Title, string CaseType, string ContentHash, string Mermaid, string? HighlightedState, WorkflowDefinition Definition);

internal static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");

        group.MapGet("/", (DefinitionCatalog catalog) => catalog.All
                .GroupBy(l => l.Definition.DefinitionId)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new WorkflowSummaryDto(
                    g.Key,
                    g.MaxBy(l => l.Definition.Version)!.Definition.Title,
                    g.First().Definition.CaseType,
                    g.Max(l => l.Definition.Version),
                    g.Select(l => l.Definition.Version).Order().ToList()))
                .ToList())
            .WithName("listWorkflows")
            .WithSummary("Alle workflowdefinities met hun versies")
            .Produces<List<WorkflowSummaryDto>>();

        group.MapGet("/{id}/versions/{version:int}", async (string id, int version, Guid? caseId, DefinitionCatalog catalog, CaseworkDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var loaded = catalog.Find(id, version) ?? throw ApiProblemException.NotFound($"Workflow '{id}' versie {version}");
                string? highlight = null;
                if (caseId is { } cid)
                {
                    var actor = HttpCurrentActor.FromPrincipal(http.User, http.RequestServices.GetRequiredService<AuthOptions>())
                        ?? throw ApiProblemException.Of(ProblemTypes.Unauthorized, "Meld u aan om de status van een zaak te zien.");
                    var caseFile = await CaseAccess.LoadVisibleAsync(db, cid, actor, ct, tracked: false);
                    if (caseFile.DefinitionId != id || caseFile.DefinitionVersion != version)
                    {
                        throw ApiProblemException.Of(ProblemTypes.Conflict, $"Zaak {caseFile.Reference} loopt op {caseFile.DefinitionId} versie {caseFile.DefinitionVersion}, niet op {id} versie {version}.");
                    }

                    highlight = caseFile.State;
                }

                return new WorkflowVersionDto(id, version, loaded.Definition.Title, loaded.Definition.CaseType, loaded.ContentHash, MermaidRenderer.Render(loaded.Definition, highlight), highlight, loaded.Definition);
            })
            .WithName("getWorkflowVersion")
            .WithSummary("Een versie van een workflowdefinitie met haar Mermaid-diagram; met caseId is de huidige status van die zaak gemarkeerd")
            .Produces<WorkflowVersionDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return api;
    }
}
