using Casework.Web.Persistence;

namespace Casework.Web.Features.Demo;

/// <summary><c>Demo:Seed</c>: fill an empty database with the demo programme at start (default: on in Development only).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Seed { get; set; }
}

internal static class DemoSetup
{
    /// <summary>The command-line verb: <c>demo</c> seeds the database and exits.</summary>
    public static bool IsDemoCommand(string[] args) => args.Length >= 1 && args[0] == "demo";

    /// <summary>
    /// Registers the demo seed when it can run: at start (<c>Demo:Seed</c>, by default on in Development only) or as the
    /// <c>demo</c> verb. Only then is the clock wrapped in a <see cref="DemoClock"/>; elsewhere nothing of the demo is in
    /// the container. Call after the app's <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        var atStart = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>()?.Seed ?? environment.IsDevelopment();
        if (!atStart && !IsDemoCommand(args))
        {
            return services;
        }

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))
            ?? throw new InvalidOperationException("Register the app's TimeProvider before the demo.");
        var inner = registered.ImplementationInstance as TimeProvider
            ?? throw new InvalidOperationException("The demo wraps a TimeProvider registered as an instance.");
        var clock = new DemoClock(inner);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<DemoScript>();
        services.AddSingleton<DemoSeeder>();

        if (atStart && !IsDemoCommand(args))
        {
            // Right after the database initializer, so the seed runs on a migrated database and before any worker
            // (deadlines, delivery, checkpoints) starts: hosted services start one after the other, in this order.
            var initializer = services.Select((d, i) => (d, i)).Single(x => x.d.ServiceType == typeof(IHostedService) && x.d.ImplementationType == typeof(DatabaseInitializer)).i;
            services.Insert(initializer + 1, ServiceDescriptor.Singleton<IHostedService, DemoSeedAtStart>());
        }

        return services;
    }
}

/// <summary>Seeds the demo at start, before the host serves; a failure is logged and the host starts without it.</summary>
internal sealed partial class DemoSeedAtStart(DemoSeeder seeder, DatabaseOptions database, ILogger<DemoSeedAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.MigrateOnStartup)
        {
            LogSkipped();
            return;
        }

        try
        {
            await seeder.SeedAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo is an aid, not the system: a seed that fails half way leaves what it made (each step is a
            // complete command) and the host serves anyway; the demo rounds exist, so a restart does not try again.
            LogFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data not seeded at start: Database:MigrateOnStartup is off (run the demo verb instead)")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo seed failed; the host starts with what was seeded so far")]
    private partial void LogFailed(Exception exception);
}
