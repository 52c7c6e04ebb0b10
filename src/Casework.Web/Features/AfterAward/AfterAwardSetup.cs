using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.AfterAward;

/// <summary>
/// After the award (ADR-019): the award's versioned conditions, milestones, yearly SiSa verantwoording, vaststelling with
/// terugvordering, and wijzigingsverzoeken as cases of their own definition.
/// </summary>
/// <summary>Settings of the after-award work (section <c>AfterAward</c>).</summary>
internal sealed class AfterAwardOptions
{
    public const string Section = "AfterAward";

    /// <summary>
    /// The department's term to decide on a timely request for uitstel of the SiSa verantwoording. Configuration, not law:
    /// the two weeks come from the request for this feature, and Fvw art. 17b's text was not checked (docs/domain.md).
    /// </summary>
    public int UitstelDecisionWeeks { get; set; } = 2;
}

internal static class AfterAwardSetup
{
    public static IServiceCollection AddAfterAward(this IServiceCollection services)
    {
        services.AddOptions<AfterAwardOptions>().BindConfiguration(AfterAwardOptions.Section)
            .Validate(o => o.UitstelDecisionWeeks is >= 1 and <= 26, "AfterAward:UitstelDecisionWeeks is a number of weeks from 1 to 26.")
            .ValidateOnStart();
        services.AddScoped<AfterAwardService>();
        services.AddScoped<VaststellingScope>();
        services.AddScoped<Workflows.ITransitionHook, AwardOpeningHook>();
        services.AddScoped<Workflows.ITransitionHook, AwardRemovalHook>();
        services.AddScoped<Casework.Workflows.Guards.IWorkflowGuard, MilestoneStatusGuard>();
        services.AddScoped<Workflows.IDecisionEffect, ChangeDecisionEffect>();
        services.AddScoped<Workflows.IDecisionEffect, VaststellingDecisionGuard>();
        return services;
    }

    public static IEndpointRouteBuilder MapAfterAwardEndpoints(this IEndpointRouteBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Na de toekenning").RequireAuthorization();
        applications.MapGet("/{id:guid}/after-award", ([FromRoute] Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAfterAwardQuery(id), ct))
            .WithName("getAfterAward")
            .WithSummary("Alles na de toekenning: voorwaarden (alle versies), mijlpalen, SiSa-verantwoording per jaar, wijzigingen, vaststelling, terugvordering, de bedragen en een tijdlijn")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        applications.MapPost("/{id:guid}/milestones/{kind}/report", ([FromRoute] Guid id, [FromRoute] string kind, MilestoneReportRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReportMilestoneCommand(id, kind, body), ct))
            .IsDecision()
            .WithName("reportMilestone")
            .WithSummary("De gemeente meldt een mijlpaal (start-bouw of gereed) met de datum en bewijsstukken uit het dossier")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/milestones/{kind}/judgement", ([FromRoute] Guid id, [FromRoute] string kind, MilestoneJudgementRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new JudgeMilestoneCommand(id, kind, body), ct))
            .IsDecision()
            .WithName("judgeMilestone")
            .WithSummary("VRO aanvaardt een gemelde mijlpaal, vraagt om aanvulling, of aanvaardt na het verstrijken van de termijn de reden")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/sisa-years/{year:int}/report", ([FromRoute] Guid id, [FromRoute] int year, SisaReportRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReportSisaCommand(id, year, body), ct))
            .IsDecision()
            .WithName("reportSisaYear")
            .WithSummary("De gemeente verantwoordt een begrotingsjaar via SiSa (Fvw art. 17a): gestarte en gerealiseerde woningen per categorie en het bestede bedrag; het volgende jaar gaat open")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/sisa-years/{year:int}/uitstel", ([FromRoute] Guid id, [FromRoute] int year, UitstelRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RequestUitstelCommand(id, year, body), ct))
            .IsDecision()
            .WithName("requestSisaUitstel")
            .WithSummary("De gemeente vraagt uitstel van de verantwoording; alleen vóór 1 juli (Fvw art. 17b)")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/sisa-years/{year:int}/uitstel/decision", ([FromRoute] Guid id, [FromRoute] int year, UitstelDecisionRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DecideUitstelCommand(id, year, body), ct))
            .IsDecision()
            .WithName("decideSisaUitstel")
            .WithSummary("VRO verleent of weigert het gevraagde uitstel (binnen de ingestelde beslistermijn, standaard twee weken)")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/vaststelling", ([FromRoute] Guid id, VaststellingRequest? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetVaststellingCommand(id, body), ct))
            .IsDecision()
            .WithName("setVaststelling")
            .WithSummary("VRO stelt de uitkering eenmalig vast met de berekening; lager dan betaald: één terugvordering met besluit, brief, bezwaartermijn en betaaltermijn")
            .Produces<AfterAwardDto>()
            .ProducesProblems(EndpointConventions.CommandProblems);
        applications.MapPost("/{id:guid}/change-requests", async ([FromRoute] Guid id, ChangeRequestRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new RequestChangeCommand(id, body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/cases/{created.CaseId}", created);
            })
            .WithName("requestAwardChange")
            .WithSummary("De gemeente vraagt een wijziging van de toekenning: een eigen zaak (wijzigingsverzoek), gekoppeld aan de toekenning")
            .Produces<ChangeRequestDto>(StatusCodes.Status201Created)
            .ProducesProblems(EndpointConventions.CommandProblems);

        applications.MapPost("/{id:guid}/bezwaren", async ([FromRoute] Guid id, ObjectionRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new LodgeObjectionCommand(id, body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/cases/{created.CaseId}", created);
            })
            .WithName("lodgeAfterAwardObjection")
            .WithSummary("De gemeente maakt bezwaar tegen de vaststelling of de terugvordering (Awb 6:4, 7:1): een eigen zaak, gekoppeld aan de toekenning; de bezwaartermijn begint de dag na de verzenddatum (Awb 6:8)")
            .Produces<ObjectionDto>(StatusCodes.Status201Created)
            .ProducesProblems(EndpointConventions.CommandProblems);

        var awards = api.MapGroup("/awards").WithTags("Na de toekenning").RequireAuthorization();
        awards.MapGet("/yearly-figures", ([FromQuery] int? budgetYear, [FromQuery] string? regeling, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new YearlyRealisationQuery(budgetYear, regeling), ct))
            .WithName("listYearlyFigures")
            .WithSummary("De jaarcijfers van alle toekenningen (per toekenning en begrotingsjaar: gestarte en gerealiseerde woningen per categorie, besteed bedrag), voor de programmamonitor")
            .Produces<IReadOnlyList<YearlyRealisationDto>>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        awards.MapGet("/pending-judgement", (IMediator mediator, CancellationToken ct) => mediator.Send(new AfterAwardWorkQuery(), ct))
            .WithName("listAfterAwardWork")
            .WithSummary("Wat na de toekenning op het oordeel van VRO wacht: gemelde mijlpalen, verstreken mijlpalen, verzoeken om uitstel")
            .Produces<IReadOnlyList<AfterAwardWorkItemDto>>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return api;
    }
}
