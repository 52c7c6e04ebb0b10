using Casework.Web.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Casework.Web.Infrastructure;

internal sealed class DatabaseHealthCheck(CaseworkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database bereikbaar.")
                : HealthCheckResult.Unhealthy("Database niet bereikbaar.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database niet bereikbaar.", ex);
        }
    }
}
