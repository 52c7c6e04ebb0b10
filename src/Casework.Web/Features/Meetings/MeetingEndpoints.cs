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
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

        group.MapPlanMeeting();
        group.MapGenerateCalendar();

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeetingQuery(id), ct))
            .WithName("getMeeting")
            .WithSummary("Een vergadering met agenda, besluiten en actiepunten")
            .Produces<MeetingDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapAddAgendaItem();
        group.MapRecordDecision();
        group.MapCloseMeeting();

        group.MapGet("/{id:guid}/ready-cases", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ReadyCasesQuery(id), ct))
            .WithName("listMeetingReadyCases")
            .WithSummary("Zaken die klaar zijn voor de agenda van deze vergadering")
            .Produces<IReadOnlyList<ReadyCaseDto>>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.csv", async (Guid id, IMediator mediator, CancellationToken ct) =>
                new ExportDownload(await mediator.Send(new BesluitenlijstQuery(id), ct), ExportFormat.Csv))
            .WithName("getMeetingBesluitenlijstCsv")
            .WithSummary("De besluitenlijst van een vergadering als CSV voor een Nederlandse Excel (puntkomma, UTF-8 met BOM, datums als 14-12-2026)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.xlsx", async (Guid id, IMediator mediator, CancellationToken ct) =>
                new ExportDownload(await mediator.Send(new BesluitenlijstQuery(id), ct), ExportFormat.Excel))
            .WithName("getMeetingBesluitenlijstXlsx")
            .WithSummary("De besluitenlijst van een vergadering als Excel-werkmap")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/besluitenlijst.pdf", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new BesluitenlijstPdfQuery(id), ct))
            .WithName("getMeetingBesluitenlijstPdf")
            .WithSummary("De besluitenlijst van een vergadering als PDF (PDF/A), met dezelfde punten als de CSV en de Excel-werkmap")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        api.MapGet("/escalation-board", ([FromQuery(Name = "zoek")] string? zoek, IMediator mediator, CancellationToken ct) => mediator.Send(new EscalationBoardQuery(zoek), ct))
            .WithTags("Vergaderingen")
            .RequireAuthorization()
            .WithName("getEscalationBoard")
            .WithSummary("Escalatiebord: per niveau het aantal zaken, hun leeftijd, wie ze heeft, de volgende vergadering en wat over termijn is; zoek: zaaknummer, gemeente, titel of wet")
            .Produces<EscalationBoardDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

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
