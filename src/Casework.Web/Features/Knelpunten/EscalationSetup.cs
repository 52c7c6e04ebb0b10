using Casework.Web.Features.Meetings;
using Casework.Web.Features.Vastlopers;
using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Knelpunten;

/// <summary>Knelpunten, vastlopers, meetings and the secretaries' views: one registration and one mapping line in Program.cs.</summary>
internal static class EscalationSetup
{
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddScoped<ICaseFactLoader, AgendaFactLoader>();
        services.AddKnelpunten();
        services.AddVastlopers();
        services.AddScoped<ITransitionHook, Meetings.AgenderingHook>();
        return services;
    }

    public static IEndpointRouteBuilder MapEscalationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapKnelpuntEndpoints();
        api.MapVastloperEndpoints();
        api.MapMeetingEndpoints();
        return api;
    }
}
