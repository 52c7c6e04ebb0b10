using Mediator;

namespace Casework.Web.Features.Meetings;

public sealed record CloseMeetingCommand(Guid MeetingId) : ICommand<MeetingDto>;
