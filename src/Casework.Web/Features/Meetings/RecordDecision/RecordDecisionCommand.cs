using System.Text.Json;
using Mediator;

namespace Casework.Web.Features.Meetings;

public sealed record RecordDecisionCommand(Guid MeetingId, Guid ItemId, string? Action, string Besluit, string? Reason, IReadOnlyDictionary<string, JsonElement> Data, IReadOnlyList<ActionItemRequest> ActionItems) : ICommand<AgendaItemDto>;
