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

        group.MapFireAction();
        group.MapDecideProposal();
        group.MapChangeBehandelaar();

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
