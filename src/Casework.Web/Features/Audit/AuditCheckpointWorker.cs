namespace Casework.Web.Features.Audit;

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

        // A delay from each checkpoint rather than a PeriodicTimer: a clock that jumps (a host resumed after a sleep,
        // or a test's fake clock moved by a year) gives one checkpoint, not one per interval that was skipped.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CheckpointInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

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
