using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class RecordHerkansingLinkEndpoint
{
    public static RouteGroupBuilder MapRecordHerkansingLink(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/herkansing", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, HerkansingLinkRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new RecordHerkansingLinkCommand(id, IfMatch.Required(ifMatch, "de aanvraag"), body), http, ct))
            .WithName("recordApplicationHerkansingLink")
            .WithSummary("Het RVO-loket legt vast van welke eerdere aanvraag dit een herkansing is en of het hetzelfde project is")
            .Produces<ApplicationDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);
        return group;
    }
}
