using Mediator;

namespace Casework.Web.Features.Meetings;

public sealed record AddAgendaItemCommand(Guid MeetingId, Guid? CaseId, string? LateReason) : ICommand<AgendaItemDto>;
