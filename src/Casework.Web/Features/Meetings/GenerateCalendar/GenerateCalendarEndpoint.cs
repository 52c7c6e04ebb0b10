using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Meetings;

internal static class GenerateCalendarEndpoint
{
    public static RouteGroupBuilder MapGenerateCalendar(this RouteGroupBuilder group)
    {
        group.MapPost("/calendar", (GenerateCalendarRequest body, IMediator mediator, CancellationToken ct) => mediator.Send(new GenerateCalendarCommand(body.Body ?? string.Empty, body.FromDate, body.UntilDate), ct))
            .WithName("generateMeetingCalendar")
            .WithSummary("De vergaderkalender van een gremium voor een periode aanmaken volgens zijn ritme (SBSD elke twee weken)")
            .Produces<CalendarDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}
