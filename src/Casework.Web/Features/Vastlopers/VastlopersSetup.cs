using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// The vastlopers area: one folder per use case (command or query, validator, handler, endpoint), and at this level
/// what several use cases share (the response shape, the load of a vastloper as the actor may see it, the conversion
/// hook that every way of converting goes through, the department role resolver).
/// </summary>
internal static class VastlopersSetup
{
    public static IServiceCollection AddVastlopers(this IServiceCollection services)
    {
        services.AddScoped<ICaseRoleResolver, RijksvertegenwoordigerDepartmentResolver>();
        services.AddScoped<ITransitionHook, VastloperConversionHook>();
        return services;
    }

    public static IEndpointRouteBuilder MapVastloperEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/vastlopers").WithTags("Vastlopers").RequireAuthorization()
            .MapRaiseVastloper()
            .MapGetVastloper()
            .MapConvertVastloper();
        return api;
    }
}
