using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Casework.Web.Features.Deadlines;

internal static class LegalClockSetup
{
    /// <summary>The deadline worker (options section <c>Deadlines</c>). One instance per host, also resolvable so tests can drive a pass.</summary>
    public static IServiceCollection AddLegalClock(this IServiceCollection services)
    {
        services.AddOptions<DeadlineWorkerOptions>()
            .BindConfiguration(DeadlineWorkerOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Deadlines:PollInterval must be positive.")
            .Validate(o => o.ClaimTimeout > TimeSpan.Zero, "Deadlines:ClaimTimeout must be positive.")
            .Validate(o => o.BatchSize > 0, "Deadlines:BatchSize must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<LegalCalendar>();
        services.AddSingleton<DeadlineWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWorker>());
        return services;
    }

    /// <summary>The term calculator: public information, so anonymous.</summary>
    public static IEndpointRouteBuilder MapLegalClockEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/terms").WithTags("Termijnen").AllowAnonymous();

        group.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListTermKindsQuery(), ct))
            .WithName("listTermKinds")
            .WithSummary("De soorten termijnen met hun lengte, wettelijke bron en welke regels (Algemene termijnenwet, opschorting) gelden")
            .Produces<IReadOnlyList<TermKindDto>>();

        group.MapGet("/{kind}", ([AsParameters] CalculateTermParameters p, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CalculateTermQuery(p.Kind, p.Start, p.Suspensions ?? []), ct))
            .WithName("calculateTerm")
            .WithSummary("Wanneer eindigt deze termijn? De uiterste datum en hoe die is berekend (eerste dag, einde, opschorting, weekend of feestdag)")
            .Produces<TermCalculationDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return api;
    }
}

/// <summary>
/// Query of the term calculator. <c>start</c> is the event day (it does not count); each <c>suspensions</c>
/// value is <c>from/until</c> (yyyy-MM-dd/yyyy-MM-dd): the first suspended day and the day the term runs again.
/// </summary>
internal sealed record CalculateTermParameters(
    [FromRoute(Name = "kind")] string Kind,
    [FromQuery(Name = "start")] string? Start,
    [FromQuery(Name = "suspensions")] string[]? Suspensions);
