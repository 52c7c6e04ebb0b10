using Microsoft.Extensions.DependencyInjection.Extensions;
using Casework.Web.Features.Workflows.Guards;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Loading;

namespace Casework.Web.Features.Workflows;

/// <summary>Configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>Folder of the definition files; default: <c>workflows/definitions</c> beside the binaries (copied by the build).</summary>
    public string? DefinitionsPath { get; set; }

    public string ResolveDefinitionsPath() =>
        string.IsNullOrWhiteSpace(DefinitionsPath) ? Path.Combine(AppContext.BaseDirectory, "workflows", "definitions") : Path.GetFullPath(DefinitionsPath);
}

internal static class WorkflowSetup
{
    /// <summary>
    /// Loads and lints every definition before the host is built: an invalid definition stops the host
    /// with the file, JSON path and what is wrong (<see cref="DefinitionLoadException"/>).
    /// </summary>
    public static IServiceCollection AddCaseworkWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var catalog = LoadCatalog(options.ResolveDefinitionsPath());
        services.AddSingleton(options);
        services.AddSingleton(catalog);

        services.AddScoped<IWorkflowGuard, HerstelGebodenGuard>();
        services.AddScoped<IWorkflowGuard, IndieningsperiodeOpenGuard>();
        services.AddScoped<IWorkflowGuard, ToelatingscriteriaVoldaanGuard>();
        services.AddScoped<IWorkflowGuard, ScoresCompleetGuard>();
        services.AddScoped<IWorkflowGuard, RangschikkingVastgesteldGuard>();
        services.AddScoped<IWorkflowGuard, OpAgendaGuard>();
        services.AddScoped<IWorkflowGuard, DuplicaatBestaatGuard>();
        services.AddScoped<IGuardRegistry>(sp => new GuardRegistry(sp.GetServices<IWorkflowGuard>()));
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<CaseFacts>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<EffectApplier>();
        // The effects start legal terms on the Dutch calendar (holidays and the days equated by Koninklijk Besluit).
        services.TryAddSingleton<Features.Deadlines.LegalCalendar>();
        services.AddScoped<CaseTransitions>();
        services.AddScoped<CaseActionPath>();
        services.AddScoped<CaseOpener>();
        services.AddHostedService<PublishedDefinitionRegistrar>();
        return services;
    }

    public static DefinitionCatalog LoadCatalog(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DefinitionLoadException([new LintError(path, "$", "the workflow definitions folder does not exist")]);
        }

        return new DefinitionLoader(LintOptions.Default).LoadDirectoryAsync(path).GetAwaiter().GetResult().ToCatalog();
    }
}
