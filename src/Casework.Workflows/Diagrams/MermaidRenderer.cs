using System.Text;
using Casework.Workflows.Definitions;

namespace Casework.Workflows.Diagrams;

/// <summary>
/// Renders a definition as a Mermaid <c>stateDiagram-v2</c>. Written here rather than with Stateless's
/// MermaidGraph because that one prints state and trigger ids (not our Dutch labels), has no
/// end marker for final states and no way to mark the case's current state.
/// </summary>
public static class MermaidRenderer
{
    public const string CurrentClass = "current";

    public static string Render(WorkflowDefinition definition, string? currentState = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sb = new StringBuilder();
        // The title sits in YAML front matter, where Mermaid's entity codes do not apply: quote it YAML's way.
        var title = definition.Title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        sb.Append("---\ntitle: \"").Append(title).Append("\"\n---\n");
        sb.Append("stateDiagram-v2\n");
        foreach (var state in definition.States.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            sb.Append("    state \"").Append(Escape(state.Label)).Append("\" as ").Append(state.Id).Append('\n');
        }

        sb.Append("    [*] --> ").Append(definition.InitialState).Append('\n');
        foreach (var action in definition.Actions)
        {
            foreach (var from in action.From)
            {
                sb.Append("    ").Append(from).Append(" --> ").Append(action.To).Append(" : ").Append(Escape(action.Label)).Append('\n');
            }
        }

        foreach (var state in definition.States.Where(s => s.Final))
        {
            sb.Append("    ").Append(state.Id).Append(" --> [*]\n");
        }

        if (currentState is not null && definition.FindState(currentState) is not null)
        {
            sb.Append("    classDef ").Append(CurrentClass).Append(" fill:#fde68a,stroke:#b45309,stroke-width:3px\n");
            sb.Append("    class ").Append(currentState).Append(' ').Append(CurrentClass).Append('\n');
        }

        return sb.ToString();
    }

    // Mermaid ends a label at ':' or ';' and a state name at '"'; its entity codes keep the text intact.
    // One pass, so the ';' of an inserted entity code is not escaped again.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "#quot;",
                ':' => "#58;",
                ';' => "#59;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
