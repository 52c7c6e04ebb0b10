using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Idempotency;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class ApplicationsSetup
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<AdmissionContextLoader>();
        services.AddScoped<RoundLedger>();
        services.AddScoped<Workflow.ICaseFactLoader, ApplicationFactLoader>();
        services.AddScoped<Casework.Workflows.Guards.IWorkflowGuard, AwardApplication.AwardFitsGuard>();
        services.AddScoped<Workflow.IDecisionEffect, AwardApplication.FundingDecisionEffect>();
        services.AddScoped<Workflow.ITransitionHook, SubmitApplication.SubmissionHook>();
        services.AddScoped<Workflow.ITermStartResolver, RoundBeslistermijn>();
        return services;
    }

    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Aanvragen").RequireAuthorization();

        group.MapPost("/", async (ApplicationRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new CreateApplicationCommand(body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/applications/{dto.Id}", dto);
            })
            .WithIdempotencyKey()
            .WithName("createApplication")
            .WithSummary("Een concept-aanvraag VHF of WBI opstellen voor een ronde (Idempotency-Key wordt gehonoreerd)")
            .Produces<ApplicationDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new GetApplicationQuery(id), ct);
                http.Response.Headers.ETag = CaseEndpoints.ETag(dto.Version);
                return dto;
            })
            .WithName("getApplication")
            .WithSummary("Een aanvraag met haar gegevens, status, scores en toekenning")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ApplicationRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new ReviseApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag"), body), ct);
                http.Response.Headers.ETag = CaseEndpoints.ETag(dto.Version);
                return dto;
            })
            .WithName("reviseApplication")
            .WithSummary("Een concept-aanvraag wijzigen (alleen in concept); If-Match bevat de versie")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:guid}/submit", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new SubmitApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag")), ct);
                http.Response.Headers.ETag = CaseEndpoints.ETag(dto.Version);
                return dto;
            })
            .WithName("submitApplication")
            .WithSummary("Een aanvraag indienen: alle gebroken toelatingscriteria tegelijk (422), anders ingediend")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPut("/{id:guid}/scores", async (Guid id, ScoresRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new RecordScoresCommand(id, body), ct);
                http.Response.Headers.ETag = CaseEndpoints.ETag(dto.Version);
                return dto;
            })
            .WithName("recordApplicationScores")
            .WithSummary("De toetsingscommissie legt per criterium een score en haar advies vast; het totaal volgt uit de wegingen van de ronde")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/award", async (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, AwardRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AwardApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag"), body), ct);
                http.Response.Headers.ETag = CaseEndpoints.ETag(dto.Version);
                return dto;
            })
            .WithName("awardApplication")
            .WithSummary("(Gedeeltelijk) toekennen: verplicht het bedrag op het plafond van de ronde en neemt het besluit, samen of niet")
            .Produces<ApplicationDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapApplicationMergePatch();
        group.MapHerkansingLink();
        return api;
    }
}
