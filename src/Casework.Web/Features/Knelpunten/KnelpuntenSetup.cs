using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// The knelpunten area: one folder per use case (command or query, validator, handler, endpoint), and at this level
/// what several use cases share (the response shapes, the load of a knelpunt as the actor may see it, the escalation
/// case views, the transition hook) and the escalation board page.
/// </summary>
internal static class KnelpuntenSetup
{
    public static IServiceCollection AddKnelpunten(this IServiceCollection services)
    {
        services.AddScoped<ITransitionHook, KnelpuntTransitionHook>();
        return services;
    }

    public static IEndpointRouteBuilder MapKnelpuntEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/knelpunten").WithTags("Knelpunten").RequireAuthorization()
            .MapRaiseKnelpunt()
            .MapGetKnelpunt();
        return api;
    }
}
