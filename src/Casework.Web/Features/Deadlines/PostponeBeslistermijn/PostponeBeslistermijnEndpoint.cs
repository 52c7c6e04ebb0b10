using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence.Configurations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Deadlines;

internal static class BeslistermijnVerdagingEndpoints
{
    public static IEndpointRouteBuilder MapBeslistermijnVerdaging(this IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/beslistermijn/verdaging", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, VerdagingRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new PostponeBeslistermijnCommand(id, IfMatch.Required(ifMatch, "de zaak"), body), http, ct))
            .RequireAuthorization()
            .WithTags("Zaken")
            .WithName("postponeBeslistermijn")
            .WithSummary("De aanvrager meedelen dat de beslistermijn niet wordt gehaald, met een nieuwe datum (Awb 4:14); alleen de organisatie waar de zaak ligt, binnen de termijn")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);
        return api;
    }
}
