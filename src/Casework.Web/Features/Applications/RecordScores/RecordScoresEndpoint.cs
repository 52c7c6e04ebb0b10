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
            .WithSummary("De voorzitter van de toetsingscommissie stelt het advies vast: standaard het gemiddelde van de scores van de (niet verschoonde) leden, of een overeengekomen score met de reden van de afwijking")
            .Produces<ApplicationDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        return group;
    }
}
