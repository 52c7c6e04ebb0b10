using Casework.Web.Api;
using Casework.Web.Infrastructure.Idempotency;
using Mediator;

namespace Casework.Web.Features.Applications;

internal static class CreateApplicationEndpoint
{
    public static RouteGroupBuilder MapCreateApplication(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (ApplicationRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new CreateApplicationCommand(body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/applications/{dto.Id}", dto);
            })
            .WithIdempotencyKey()
            .WithName("createApplication")
            .WithSummary("Een concept-aanvraag VHF of WBI opstellen voor een ronde (Idempotency-Key wordt gehonoreerd)")
            .Produces<ApplicationDto>(StatusCodes.Status201Created)
            .ProducesProblems(EndpointConventions.CreateProblems);
        return group;
    }
}
