namespace Casework.Web.Features.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How often the heads of all audit streams are checkpointed; zero turns the worker off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Takes a checkpoint of every audit stream's head at a fixed interval, so that deleting the tail of a
/// stream, or a whole stream, is detectable by the verification (the chains alone cannot show it).
/// </summary>
internal sealed partial class AuditCheckpointWorker(IServiceProvider services, AuditOptions options, TimeProvider time, ILogger<AuditCheckpointWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().TakeCheckpointAsync(stoppingToken);
                LogCheckpoint(checkpoint.Id, checkpoint.Hash);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed checkpoint is retried at the next tick; the worker must not stop the host.
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint {Id} taken ({Hash})")]
    private partial void LogCheckpoint(long id, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint failed")]
    private partial void LogFailed(Exception exception);
}

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
}
