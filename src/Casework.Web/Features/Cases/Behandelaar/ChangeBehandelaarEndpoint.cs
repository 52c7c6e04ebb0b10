using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Cases.Behandelaar;

internal static class ChangeBehandelaarEndpoint
{
    public static RouteGroupBuilder MapChangeBehandelaar(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/behandelaar/claim", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, BehandelaarNoteRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new ChangeBehandelaarCommand(id, BehandelaarChange.Claim, IfMatch.Required(ifMatch, "de zaak"), Note: body?.Note), http, ct))
            .WithName("claimCase")
            .WithSummary("De zaak in behandeling nemen: u wordt behandelaar; als een collega u voor was, is het antwoord 409")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        group.MapPost("/{id:guid}/behandelaar/hand-over", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HandOverRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new ChangeBehandelaarCommand(id, BehandelaarChange.HandOver, IfMatch.Required(ifMatch, "de zaak"), body?.To, body?.Note), http, ct))
            .WithName("handOverCase")
            .WithSummary("De zaak overdragen aan een collega, met een notitie (een beheerder van de organisatie wijst zo ook toe)")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        group.MapPost("/{id:guid}/behandelaar/release", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, BehandelaarNoteRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new ChangeBehandelaarCommand(id, BehandelaarChange.Release, IfMatch.Required(ifMatch, "de zaak"), Note: body?.Note), http, ct))
            .WithName("releaseCase")
            .WithSummary("De zaak vrijgeven: zij gaat terug naar de organisatie, zonder behandelaar")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        group.MapGet("/{id:guid}/behandelaar/colleagues", ([FromRoute] Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetColleaguesQuery(id), ct))
            .WithName("listCaseColleagues")
            .WithSummary("De collega's aan wie u de zaak kunt overdragen (wie zich voor de organisatie van de zaak heeft aangemeld)")
            .Produces<IReadOnlyList<BehandelaarDto>>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return group;
    }
}
