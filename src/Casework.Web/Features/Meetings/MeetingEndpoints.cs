using Casework.Web.Api;
using Casework.Web.Infrastructure.Export;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Meetings;

internal static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("Vergaderingen").RequireAuthorization();

        group.MapGet("/", ([AsParameters] ListMeetingsParameters p, IMediator mediator, CancellationToken ct) => mediator.Send(new ListMeetingsQuery(p.Body, p.FromDate, p.UntilDate, p.Cursor, p.Limit), ct))
            .WithName("listMeetings")
            .WithSummary("Vergaderingen van SBSD, BRSD, bestuurlijk overleg en allianties, op datum (per pagina; 'next' is de cursor van de volgende)")
            .Produces<Page<MeetingSummaryDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", async (PlanMeetingRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new PlanMeetingCommand(body.Body ?? string.Empty, body.Date, body.CutOffDate, body.Title), ct);
                return Results.Created($"/api/v1/meetings/{dto.Id}", dto);
            })
            .WithName("planMeeting")
            .WithSummary("Een vergadering plannen (secretariaat van het gremium)")
            .Produces<MeetingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/calendar", (GenerateCalendarRequest body, IMediator mediator, CancellationToken ct) => mediator.Send(new GenerateCalendarCommand(body.Body ?? string.Empty, body.FromDate, body.UntilDate), ct))
            .WithName("generateMeetingCalendar")
            .WithSummary("De vergaderkalender van een gremium voor een periode aanmaken volgens zijn ritme (SBSD elke twee weken)")
            .Produces<CalendarDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeetingQuery(id), ct))
            .WithName("getMeeting")
            .WithSummary("Een vergadering met agenda, besluiten en actiepunten")
            .Produces<MeetingDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/agenda-items", async (Guid id, AddAgendaItemRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AddAgendaItemCommand(id, body.CaseId, body.LateReason), ct);
                return Results.Created($"/api/v1/meetings/{id}", dto);
            })
            .WithName("addAgendaItem")
            .WithSummary("Een zaak agenderen; na de sluitingsdatum alleen met een reden (lateReason)")
            .Produces<AgendaItemDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/agenda-items/{itemId:guid}/decision", (Guid id, Guid itemId, RecordDecisionRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordDecisionCommand(id, itemId, body.Action, body.Besluit ?? string.Empty, body.Reason, body.Data ?? [], body.ActionItems ?? []), ct))
            .IsDecision()
            .WithName("recordAgendaItemDecision")
            .WithSummary("Het besluit over een agendapunt vastleggen; dat voert de actie van de workflow van de zaak uit")
            .Produces<AgendaItemDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/close", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new CloseMeetingCommand(id), ct))
            .IsDecision()
            .WithName("closeMeeting")
            .WithSummary("Een gehouden vergadering sluiten; niet behandelde punten gaan naar de volgende vergadering van hetzelfde gremium")
            .Produces<MeetingDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}/ready-cases", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ReadyCasesQuery(id), ct))
            .WithName("listMeetingReadyCases")
            .WithSummary("Zaken die klaar zijn voor de agenda van deze vergadering")
            .Produces<IReadOnlyList<ReadyCaseDto>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
                new ExportDownload(await mediator.Send(new BesluitenlijstQuery(id), ct), ExportFormat.Csv))
            .WithName("getMeetingBesluitenlijstCsv")
            .WithSummary("De besluitenlijst van een vergadering als CSV voor een Nederlandse Excel (puntkomma, UTF-8 met BOM, datums als 14-12-2026)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.xlsx", async (Guid id, IMediator mediator, CancellationToken ct) =>
                new ExportDownload(await mediator.Send(new BesluitenlijstQuery(id), ct), ExportFormat.Excel))
            .WithName("getMeetingBesluitenlijstXlsx")
            .WithSummary("De besluitenlijst van een vergadering als Excel-werkmap")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.pdf", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new BesluitenlijstPdfQuery(id), ct))
            .WithName("getMeetingBesluitenlijstPdf")
            .WithSummary("De besluitenlijst van een vergadering als PDF (PDF/A), met dezelfde punten als de CSV en de Excel-werkmap")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/escalation-board", ([FromQuery(Name = "zoek")] string? zoek, IMediator mediator, CancellationToken ct) => mediator.Send(new EscalationBoardQuery(zoek), ct))
            .WithTags("Vergaderingen")
            .RequireAuthorization()
            .WithName("getEscalationBoard")
            .WithSummary("Escalatiebord: per niveau het aantal zaken, hun leeftijd, wie ze heeft, de volgende vergadering en wat over termijn is; zoek: zaaknummer, gemeente, titel of wet")
            .Produces<EscalationBoardDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return api;
    }
}

/// <summary>Query parameters of the meeting list (lowerCamelCase, NLGov).</summary>
internal sealed record ListMeetingsParameters(
    [FromQuery(Name = "body")] string? Body,
    [FromQuery(Name = "fromDate")] DateOnly? FromDate,
    [FromQuery(Name = "untilDate")] DateOnly? UntilDate,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "limit")] int? Limit);
