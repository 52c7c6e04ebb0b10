using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class AwardApplicationEndpoint
{
    public static RouteGroupBuilder MapAwardApplication(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/award", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, AwardRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new AwardApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag"), body), http, ct))
            .IsDecision()
            .WithName("awardApplication")
            .WithSummary("(Gedeeltelijk) toekennen: verplicht het bedrag op het plafond van de ronde en neemt het besluit, samen of niet")
            .Produces<ApplicationDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);
        return group;
    }
}
