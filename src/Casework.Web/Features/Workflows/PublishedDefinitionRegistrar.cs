using Casework.Domain.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Guards;
using Casework.Workflows.Loading;
using Casework.Workflows.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// At start-up: every guard the definitions may name has an implementation, and every loaded
/// (definitionId, version) is registered with its content hash. A changed file under an already
/// registered version stops the host: a published version is immutable.
/// </summary>
internal sealed partial class PublishedDefinitionRegistrar(IServiceProvider services, DefinitionCatalog catalog, TimeProvider time, ILogger<PublishedDefinitionRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IGuardRegistry>();
        var missing = GuardCatalog.Names.Except(registry.Names).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Guards named by the definition format have no implementation: " + string.Join(", ", missing));
        }

        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var published = await db.PublishedDefinitions.AsNoTracking().ToListAsync(cancellationToken);
        var errors = catalog.CheckAgainstPublished(published.Select(p => new PublishedVersion(p.DefinitionId, p.Version, p.ContentHash)));
        if (errors.Count > 0)
        {
            throw new DefinitionLoadException(errors);
        }

        var known = published.Select(p => (p.DefinitionId, p.Version)).ToHashSet();
        foreach (var loaded in catalog.All.Where(l => !known.Contains((l.Definition.DefinitionId, l.Definition.Version))))
        {
            db.PublishedDefinitions.Add(new PublishedDefinition(loaded.Definition.DefinitionId, loaded.Definition.Version, loaded.ContentHash, time.GetUtcNow()));
            LogRegistered(loaded.Definition.DefinitionId, loaded.Definition.Version, loaded.ContentHash);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered workflow definition {DefinitionId} v{Version} ({Hash})")]
    private partial void LogRegistered(string definitionId, int version, string hash);
}
