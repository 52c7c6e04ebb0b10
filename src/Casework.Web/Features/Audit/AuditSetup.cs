namespace Casework.Web.Features.Audit;

/// <summary>
/// The audit area: one folder per use case (query or command, handler, endpoint), and at this level what they share
/// (the verifier, which the CLI and the checkpoint worker use too, and who may check the trail).
/// </summary>
internal static class AuditSetup
{
    public static IServiceCollection AddCaseworkAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions());
        services.AddScoped<AuditVerifier>();
        services.AddScoped<Cases.PrivilegedReads>();
        services.AddHostedService<AuditCheckpointWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/audit").WithTags("Audit").RequireAuthorization()
            .MapVerifyAudit()
            .MapTakeAuditCheckpoint();
        return api;
    }
}
