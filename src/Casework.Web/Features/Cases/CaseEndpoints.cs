using System.Globalization;
using Casework.Web.Api;
using Casework.Web.Features.Cases.Behandelaar;
using Casework.Web.Features.Cases.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Cases;

internal static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Zaken").RequireAuthorization();

        group.MapGet("/", ([AsParameters] ListCasesParameters p, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCasesQuery(p.Type, p.State, p.Organisation, p.Overdue, p.DueWithin, p.Closed, p.Cursor, p.Limit, p.Zoek, p.Behandelaar), ct))
            .WithName("listCases")
            .WithSummary("Werklijst: de zaken die u mag zien, met filters op type, status, organisatie en termijnen en een zoekterm (zoek: zaaknummer, gemeente, project- of knelpunttitel, wet) en op behandelaar (mine, unassigned of de gebruiker van een collega)")
            .Produces<Page<CaseSummaryDto>>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) => mediator.SendWithETagAsync(new GetCaseQuery(id), http, ct))
            .WithName("getCase")
            .WithSummary("Een zaak met status, termijnen en de acties die u nu kunt uitvoeren (met de reden als dat niet kan)")
            .Produces<CaseDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/actions/{action}", (Guid id, string action, [FromHeader(Name = "If-Match")] string? ifMatch, FireActionRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new FireActionCommand(id, action, IfMatch.Required(ifMatch, "de zaak"), body?.Reason, body?.Data ?? []), http, ct))
            .IsDecision()
            .WithName("fireCaseAction")
            .WithSummary("Een actie van de workflow uitvoeren; If-Match bevat de versie van de zaak")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

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

        group.MapGet("/{id:guid}/history", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCaseHistoryQuery(id), ct))
            .WithName("getCaseHistory")
            .WithSummary("De audittrail en statusgeschiedenis van een zaak")
            .Produces<CaseHistoryDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        return api;
    }
}

/// <summary>Query parameters of the work list; names are lowerCamelCase (NLGov /core/query-keys-camel-case).</summary>
internal sealed record ListCasesParameters(
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "state")] string? State,
    [FromQuery(Name = "organisation")] string? Organisation,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "dueWithin")] int? DueWithin,
    [FromQuery(Name = "closed")] bool? Closed,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "zoek")] string? Zoek,
    [FromQuery(Name = "behandelaar")] string? Behandelaar);
