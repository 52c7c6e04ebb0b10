using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class RecordScoresEndpoint
{
    public static RouteGroupBuilder MapRecordScores(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/scores", ([FromRoute] Guid id, ScoresRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new RecordScoresCommand(id, body), http, ct))
            .WithName("recordApplicationScores")
            .WithSummary("De toetsingscommissie legt per criterium een score en haar advies vast; het totaal volgt uit de wegingen van de ronde")
            .Produces<ApplicationDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        return group;
    }
}
