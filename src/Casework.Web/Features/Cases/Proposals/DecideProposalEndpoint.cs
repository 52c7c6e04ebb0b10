using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Cases.Proposals;

internal static class DecideProposalEndpoint
{
    public static RouteGroupBuilder MapDecideProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/proposal/confirm", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new DecideProposalCommand(id, ProposalOutcome.Confirm, IfMatch.Required(ifMatch, "de zaak"), null), http, ct))
            .IsDecision()
            .WithName("confirmCaseProposal")
            .WithSummary("Het voorgestelde besluit bevestigen (vier-ogenprincipe): het besluit gaat nu in; de voorsteller zelf kan niet bevestigen (403)")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        group.MapPost("/{id:guid}/proposal/reject", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, RejectProposalRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new DecideProposalCommand(id, ProposalOutcome.Reject, IfMatch.Required(ifMatch, "de zaak"), body?.Reason), http, ct))
            .WithName("rejectCaseProposal")
            .WithSummary("Het voorstel intrekken (de voorsteller) of afwijzen met een toelichting (een collega die mag bevestigen); er gaat niets in")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        return group;
    }
}
