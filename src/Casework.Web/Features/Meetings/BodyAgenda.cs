using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Workflows.Definitions;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// What a body can do with a case, read from the case's pinned definition rather than from a list of states:
/// a case is "decidable" by a body when an action from its state is guarded by <c>opAgenda</c> for that body,
/// and "agenderable" when the body's secretariat has an action from its state with a <c>vergadering</c> input
/// (that action is fired when the case goes on an agenda). An alliantieoverleg discusses its own open cases.
/// </summary>
internal static class BodyAgenda
{
    public const string MeetingField = "vergadering";

    public static ActionDefinition? AgenderingAction(WorkflowDefinition definition, string state, string body) =>
        definition.Actions.FirstOrDefault(a => a.From.Contains(state) && a.Actor == ActorKind.Secretariat && a.Body == body && a.Input.Fields.Any(f => f.Name == MeetingField));

    public static bool DecidableBy(WorkflowDefinition definition, string state, string body) =>
        definition.Actions.Any(a => a.From.Contains(state) && a.Guards.Any(g => g.Name == "opAgenda" && g.Params.TryGetValue("body", out var b) && b.ValueKind == JsonValueKind.String && b.GetString() == body));

    public static bool CanGoOnAgenda(CaseFile caseFile, WorkflowDefinition definition, string body) =>
        !caseFile.IsClosed && (MeetingBodies.IsAlliance(body)
            ? caseFile.OwningOrganisation == body
            : AgenderingAction(definition, caseFile.State, body) is not null || DecidableBy(definition, caseFile.State, body));

    /// <summary>The escalation level of an open case, for the board.</summary>
    public static string Level(CaseFile caseFile, WorkflowDefinition definition) => Level(definition, caseFile.State);

    /// <summary>The escalation level of a state of the definition (also a past state, for the programme monitor).</summary>
    public static string Level(WorkflowDefinition definition, string state)
    {
        foreach (var body in new[] { MeetingBodies.Sbsd, MeetingBodies.Brsd, MeetingBodies.BestuurlijkOverleg })
        {
            if (AgenderingAction(definition, state, body) is not null || DecidableBy(definition, state, body))
            {
                return body;
            }
        }

        return definition.FindState(state)?.Owner switch
        {
            StateOwner.Secretariat => "triage",
            StateOwner.Routed => "departement",
            _ => "alliantie",
        };
    }
}
