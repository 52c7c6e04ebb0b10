using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class RecordPaymentEndpoint
{
    public static RouteGroupBuilder MapRecordPayment(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/payments", async ([FromRoute] Guid id, PaymentRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/applications/{id}/payments", await mediator.Send(new RecordPaymentCommand(id, body), ct)))
            .WithName("recordApplicationPayment")
            .WithSummary("Een betaling op de toekenning registreren (minus het aandeel BTW-compensatiefonds); nooit meer dan toegekend")
            .Produces<PaymentResultDto>(StatusCodes.Status201Created)
            .ProducesProblems(EndpointConventions.CommandProblems);
        return group;
    }
}
