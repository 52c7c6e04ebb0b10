using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Pages;
using Casework.Workflows.Definitions;
using Casework.Workflows.Diagrams;
using Casework.Workflows.Loading;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// The workflow of a case (<c>/zaken/{id}/diagram</c>) with its current state marked. Drawn on the server as an
/// ordered list of states with their transitions (a picture drawn by Mermaid's script would need inline styles,
/// which the Content-Security-Policy forbids), with the Mermaid source for whoever wants to render it elsewhere.
/// Visible to whoever may see the case; anyone else gets 404.
/// </summary>
public sealed class CaseDiagramModel : CaseworkPageModel
{
    public CaseDto Case { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public string Mermaid { get; private set; } = string.Empty;

    public IReadOnlyList<StateDefinition> States { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Case = await QueryAsync(new GetCaseQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Definition = Service<DefinitionCatalog>().Find(Case.Definition.Id, Case.Definition.Version)?.Definition
            ?? throw new InvalidOperationException($"Definition {Case.Definition.Id} v{Case.Definition.Version} is not loaded.");
        Mermaid = MermaidRenderer.Render(Definition, Case.State);
        States = [.. Definition.States.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)];
        return Page();
    }

    public IEnumerable<ActionDefinition> Leaving(string stateId) => Definition.Actions.Where(a => a.From.Contains(stateId));

    public string Label(string stateId) => Definition.FindState(stateId)?.Label ?? stateId;

    public static string Who(ActionDefinition action) => action.Actor switch
    {
        ActorKind.System => "het systeem (als een termijn verloopt)",
        _ => string.Join(", ", action.Roles.Select(RoleName)),
    };

    private static string RoleName(string role) => role switch
    {
        "GemeenteAanvrager" => "gemeente",
        "Loket" => "loket",
        "Beoordelaar" => "beoordelaar",
        "Commissielid" => "toetsingscommissie",
        "Secretaris" => "secretaris",
        "Rijksvertegenwoordiger" => "rijksvertegenwoordiger",
        "Beheerder" => "beheerder",
        _ => role.ToLowerInvariant(),
    };
}
