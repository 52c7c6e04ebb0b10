using Casework.Web.Api;
using Casework.Web.Infrastructure.Idempotency;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Programme;

/// <summary>The programme monitor: the services and the endpoints (every signed-in user reads; the area's own people write).</summary>
internal static class ProgrammeSetup
{
    public static IServiceCollection AddProgramme(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeFigures>();
        return services;
    }

    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder api)
    {
        var areas = api.MapGroup("/focusgebieden").WithTags("Programmamonitor").RequireAuthorization();
        areas.MapGet("/", ([FromQuery(Name = "halfjaar")] string? halfjaar, [FromQuery(Name = "sorteer")] string? sorteer, [FromQuery(Name = "richting")] string? richting, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetProgrammeOverviewQuery(halfjaar, sorteer, richting), ct))
            .WithName("getProgrammeOverview")
            .WithSummary("De 20 focusgebieden naast elkaar: geld per regeling, knelpunten, vastlopers en vergaderingen, gesorteerd op elke kolom (sorteer, richting op|af), over alle jaren of één halfjaar (halfjaar=2024-H1)")
            .Produces<ProgrammeOverviewDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized);

        areas.MapGet("/{code}", (string code, [FromQuery(Name = "halfjaar")] string? halfjaar, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetFocusgebiedMonitorQuery(code, halfjaar), ct))
            .WithName("getFocusgebiedMonitor")
            .WithSummary("Eén focusgebied: gemeente, alliantie, rijksvertegenwoordiger, geld per ronde, knelpunten en vastlopers met niveau en leeftijd, vergaderingen, indicatoren met metingen, doelen en streefwaarden")
            .Produces<FocusgebiedMonitorDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        areas.MapPost("/{code}/metingen", async (string code, RecordMeasurementRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/focusgebieden/{code}", await mediator.Send(new RecordMeasurementCommand(code, body), ct)))
            .WithIdempotencyKey()
            .WithName("recordMeasurement")
            .WithSummary("Een meting vastleggen (gemeente of alliantiesecretariaat van het focusgebied); een bestaande waarde voor de periode wordt alleen met een reden vervangen")
            .Produces<MeasurementDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        areas.MapPost("/{code}/doelen", async (string code, AddDoelRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/focusgebieden/{code}", await mediator.Send(new AddDoelCommand(code, body), ct)))
            .WithIdempotencyKey()
            .WithName("addDoel")
            .WithSummary("Een doel van het uitvoeringsprogramma of een prestatieafspraak vastleggen, met nulmeting en streefwaarde (gemeente of alliantiesecretariaat van het focusgebied)")
            .Produces<DoelDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/doelen/{id:guid}/streefwaarden", async (Guid id, ChangeStreefwaardeRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/doelen/{id}", await mediator.Send(new ChangeStreefwaardeCommand(id, body), ct)))
            .RequireAuthorization()
            .WithIdempotencyKey()
            .WithTags("Programmamonitor")
            .WithName("changeStreefwaarde")
            .WithSummary("Een streefwaarde wijzigen: een nieuwe versie met reden; de oude blijft zichtbaar met wie en wanneer (version: de versie die u wijzigt)")
            .Produces<DoelDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var indicators = api.MapGroup("/indicatoren").WithTags("Programmamonitor").RequireAuthorization();
        indicators.MapGet("/", ([FromQuery(Name = "focusgebied")] string? focusgebied, IMediator mediator, CancellationToken ct) => mediator.Send(new ListIndicatorsQuery(focusgebied), ct))
            .WithName("listIndicators")
            .WithSummary("De catalogus: de kernindicatoren van NPLV 6.1 en de lokale indicatoren (met focusgebied: alleen die van dat gebied)")
            .Produces<IReadOnlyList<IndicatorDto>>()
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        indicators.MapPost("/", async (AddIndicatorRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/indicatoren", await mediator.Send(new AddIndicatorCommand(body), ct)))
            .WithIdempotencyKey()
            .WithName("addIndicator")
            .WithSummary("Een indicator toevoegen: een kernindicator (nummer 1-15, Beheerder) of een lokale indicator van een focusgebied (zijn gemeente of alliantiesecretariaat)")
            .Produces<IndicatorDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/metingen/import", async (HttpRequest request, [FromQuery(Name = "opslaan")] bool? opslaan, [FromQuery(Name = "reden")] string? reden, IMediator mediator, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var text = await reader.ReadToEndAsync(ct);
                return TypedResults.Ok(await mediator.Send(new ImportMeasurementsCommand(text, opslaan == true, reden), ct));
            })
            .RequireAuthorization()
            .WithTags("Programmamonitor")
            .WithName("importMeasurements")
            .WithSummary("Metingen inlezen uit CSV (focusgebied;indicator;periode;waarde;bron;brondatum): zonder opslaan=true een voorbeeld met de problemen per regel; met opslaan=true het hele bestand of niets (reden: nodig om bestaande waarden te vervangen)")
            .Accepts<string>("text/csv")
            .Produces<ImportResultDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/voortgangsrapportage", ([FromQuery(Name = "halfjaar")] string? halfjaar, [FromQuery(Name = "focusgebied")] string? focusgebied, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetProgressReportQuery(halfjaar, focusgebied), ct))
            .RequireAuthorization()
            .WithTags("Programmamonitor")
            .WithName("getProgressReport")
            .WithSummary("De voortgangsrapportage van een halfjaar (halfjaar=2024-H1), voor alle focusgebieden of één: geld, knelpunten en vastlopers gemeld, opgelost en geëscaleerd, indicatoren tegen streefwaarden, besluiten van SBSD, BRSD en bestuurlijk overleg")
            .Produces<ProgressReportDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        api.MapGet("/knelpuntenregister", ([FromQuery(Name = "wet")] string? wet, [FromQuery(Name = "domein")] string? domein, [FromQuery(Name = "departement")] string? departement,
                [FromQuery(Name = "focusgebied")] string? focusgebied, [FromQuery(Name = "status")] string? status, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SearchKnelpuntenRegisterQuery(wet, domein, departement, focusgebied, status), ct))
            .RequireAuthorization()
            .WithTags("Programmamonitor")
            .WithName("searchKnelpuntenRegister")
            .WithSummary("Het register van alle knelpunten, te zoeken op wet (naam of BWB-id), domein, departement, focusgebied en status (open|gesloten), met de uitkomst; de inhoud alleen voor wie de zaak mag zien")
            .Produces<IReadOnlyList<KnelpuntRegisterRowDto>>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        return api;
    }
}
