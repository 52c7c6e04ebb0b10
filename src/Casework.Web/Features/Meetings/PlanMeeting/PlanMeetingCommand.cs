using Mediator;

namespace Casework.Web.Features.Meetings;

public sealed record PlanMeetingCommand(string Body, DateOnly? Date, DateOnly? CutOffDate, string? Title) : ICommand<MeetingDto>;
