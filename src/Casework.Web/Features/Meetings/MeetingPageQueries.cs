using Casework.Domain.Escalation;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Definitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// What the meeting pages show beside <see cref="GetMeetingQuery"/>: per agenda item the case's title and state, and
/// the decisions the body can take on it now (read from the case's pinned definition, as <see cref="BodyAgenda"/>
/// does), so the decision form offers exactly the workflow actions <see cref="RecordDecisionCommand"/> will accept.
/// Only cases the caller may see are described.
/// </summary>
public sealed record MeetingItemDetailsQuery(Guid MeetingId) : IQuery<IReadOnlyDictionary<Guid, AgendaCaseDetailsDto>>;

/// <summary>The case behind an agenda item, and the decisions the meeting's body can record on it in its current state.</summary>
public sealed record AgendaCaseDetailsDto(Guid CaseId, string Type, string Title, string State, string StateLabel, bool Closed, IReadOnlyList<DecisionOptionDto> DecisionOptions);

/// <summary>A workflow action a body's decision fires, with the input that action asks for.</summary>
public sealed record DecisionOptionDto(string ActionId, string Label, bool ReasonRequired, IReadOnlyList<DecisionFieldDto> Fields);

public sealed record DecisionFieldDto(string Name, string Type, bool Required, IReadOnlyList<string> Choices);

internal sealed class MeetingItemDetailsHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions) : IQueryHandler<MeetingItemDetailsQuery, IReadOnlyDictionary<Guid, AgendaCaseDetailsDto>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, AgendaCaseDetailsDto>> Handle(MeetingItemDetailsQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).FirstOrDefaultAsync(m => m.Id == query.MeetingId, cancellationToken)
            ?? throw Api.ApiProblemException.NotFound("De vergadering");
        var ids = meeting.Items.Select(i => i.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).VisibleTo(current.Actor).ToListAsync(cancellationToken);
        return cases.ToDictionary(c => c.Id, c =>
        {
            var definition = transitions.DefinitionOf(c);
            var options = c.IsClosed ? [] : DecisionOptions(definition, c.State, meeting.BodyCode);
            return new AgendaCaseDetailsDto(c.Id, c.CaseType, c.Title, c.State, c.StateLabel, c.IsClosed, options);
        });
    }

    /// <summary>The actions from the state that wait for this body's meeting (guarded by <c>opAgenda</c> for the body).</summary>
    private static List<DecisionOptionDto> DecisionOptions(WorkflowDefinition definition, string state, string body) =>
        definition.Actions
            .Where(a => a.From.Contains(state) && a.Guards.Any(g => g.Name == "opAgenda" && g.Params.TryGetValue("body", out var b) && b.ValueKind == System.Text.Json.JsonValueKind.String && b.GetString() == body))
            .Select(a => new DecisionOptionDto(
                a.Id,
                a.Label,
                a.Input.ReasonRequired,
                a.Input.Fields.Select(f => new DecisionFieldDto(f.Name, f.Type.ToString(), f.Required, f.Choices)).ToList()))
            .ToList();
}
