using Mediator;

namespace Casework.Web.Features.Meetings;

public sealed record GenerateCalendarCommand(string Body, DateOnly? FromDate, DateOnly? UntilDate) : ICommand<CalendarDto>;
