using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class GetApplicationPaymentsEndpoint
{
    public static RouteGroupBuilder MapGetApplicationPayments(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/payments", ([FromRoute] Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetApplicationPaymentsQuery(id), ct))
            .WithName("listApplicationPayments")
            .WithSummary("Betalingen en terugvorderingen op een aanvraag, met de totalen: toegekend, uitbetaald, betaald, teruggevorderd")
            .Produces<ApplicationPaymentsDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        return group;
    }
}
