namespace Casework.Web.Features.Documents;

internal static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
        services.AddSingleton(options);
        services.AddSingleton<IDocumentContentStore, DatabaseContentStore>();
        services.AddScoped<DocumentAudit>();
        services.AddSingleton<StagingSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StagingSweeper>());
        return services;
    }
}
