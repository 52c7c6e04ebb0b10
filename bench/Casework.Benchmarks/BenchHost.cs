using Casework.Domain.Access;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Audit;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Pipeline;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Casework.Benchmarks;

/// <summary>The signed-in user, switchable between commands (the benchmarks are single-threaded).</summary>
internal sealed class BenchActor : ICurrentActor
{
    public Actor Actor { get; set; } = Actor.Person("bench", "GM0599", Role.GemeenteAanvrager);

    public string DisplayName => Actor.UserId;
}

/// <summary>
/// The host's services without HTTP: the registrations of Casework.Web's Program.cs that a command needs
/// (Mediator with the validation and transaction behaviours, validators, persistence, workflows, the applications'
/// and escalation features' guards, fact loaders, effects and hooks, TimeProvider)
/// plus a fake <see cref="ICurrentActor"/>. Started as a generic host so the hosted services run exactly as at
/// start-up: migrate the SQLite file, WAL, seed reference data, register definition versions.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly bool _keepRoot;

    private BenchHost(IHost host, string root, string databasePath, string connectionString, BenchActor actor, bool keepRoot)
    {
        _keepRoot = keepRoot;
        _host = host;
        Root = root;
        DatabasePath = databasePath;
        ConnectionString = connectionString;
        Actor = actor;
    }

    public string Root { get; }

    public string DatabasePath { get; }

    /// <summary>The connection string EF Core uses (as prepared by the host: absolute path, 30 s busy timeout).</summary>
    public string ConnectionString { get; }

    public BenchActor Actor { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the host on a fresh SQLite file in a temp folder of its own, or on <paramref name="database"/> (the HTTP
    /// mode seeds a database here and then serves it from the real Casework.Web process).
    /// </summary>
    public static async Task<BenchHost> StartAsync(Action<IServiceCollection>? configure = null, BenchDatabase? database = null)
    {
        var root = database?.Root ?? Path.Combine(Path.GetTempPath(), "casework-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var databasePath = Path.Combine(root, "casework.db");
        var definitions = BenchDefinitions.PrepareCombinedFolder(root);
        var provider = database?.Provider ?? "Sqlite";
        var configured = database?.ConnectionString ?? $"Data Source={databasePath}";

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = root,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Casework"] = configured,
            ["Database:Provider"] = provider,
            ["Database:MigrateOnStartup"] = "true",
            [$"{WorkflowOptions.Section}:DefinitionsPath"] = definitions,
        });

        // Production logs EF Core at Warning and up (appsettings.json); the same here, so no command logging is paid for.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();

        var actor = new BenchActor();
        var services = builder.Services;
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<FireActionCommand>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddCaseworkPersistence(builder.Configuration, builder.Environment);
        services.AddCaseworkWorkflows(builder.Configuration);

        // The features' guards, fact loaders, effects and hooks, as Program.cs registers them: without them the host
        // refuses to start (a guard the definitions may name has no implementation), and the command path would skip
        // the guard facts the real host reads (agenda.behandeld:SBSD for opAgenda on every hervatten's response).
        services.AddApplications();
        services.AddEscalation();
        services.AddSingleton<ICurrentActor>(actor);
        services.AddScoped<AuditVerifier>();
        // The GET the response check compares with audits privileged reads (Legal fidelity): its writer, as AuthSetup registers it.
        services.AddScoped<Casework.Web.Features.Cases.PrivilegedReads>();
        services.AddSingleton(new Casework.Web.Infrastructure.Auth.AuthOptions());
        services.AddSingleton<Casework.Web.Infrastructure.Auth.AccessAuditWriter>();
        services.AddSingleton(TimeProvider.System);
        configure?.Invoke(services);

        var host = builder.Build();
        await host.StartAsync();
        var connectionString = provider == "Sqlite" ? PersistenceServiceCollectionExtensions.PrepareSqliteConnectionString(configured, root) : configured;
        return new BenchHost(host, root, databasePath, connectionString, actor, database?.KeepRoot ?? false);
    }

    /// <summary>One command as one HTTP request would send it: a fresh DI scope (DbContext, facts, handler) per command.</summary>
    public async Task<CaseDto> FireAsync(Actor actor, Guid caseId, string actionId, int expectedVersion, string? reason, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? data = null)
    {
        Actor.Actor = actor;
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(new FireActionCommand(caseId, actionId, expectedVersion, reason, data ?? Empty));
    }

    /// <summary>The case as <c>GET /api/v1/cases/{id}</c> returns it to <paramref name="actor"/> (a fresh scope, as one request).</summary>
    public async Task<CaseDto> GetAsync(Actor actor, Guid caseId)
    {
        Actor.Actor = actor;
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetCaseQuery(caseId));
    }

    /// <summary>Opens cases through the real <see cref="CaseOpener"/> (status, reference, audit, outbox), one transaction per 100.</summary>
    public async Task<List<Guid>> OpenCasesAsync(string definitionId, string owningOrganisation, Actor opener, int count, string? routedTo = null)
    {
        var ids = new List<Guid>(count);
        for (var done = 0; done < count; done += 100)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            var cases = scope.ServiceProvider.GetRequiredService<CaseOpener>();
            // The host's own write transaction: queued on SQLite, under the retrying strategy on PostgreSQL.
            var batch = await db.InWriteTransactionAsync(
                async ct =>
                {
                    var opened = new List<Guid>();
                    for (var i = done; i < Math.Min(count, done + 100); i++)
                    {
                        opened.Add((await cases.OpenAsync(definitionId, owningOrganisation, $"Benchmarkzaak {i}", opener, ct, routedTo: routedTo)).Id);
                    }

                    await db.SaveChangesAsync(ct);
                    return opened;
                },
                CancellationToken.None);
            ids.AddRange(batch);
        }

        return ids;
    }

    /// <summary>Recomputes every audit chain: the benchmark's writes (ours and raw) must leave them intact.</summary>
    public async Task<AuditVerificationDto> VerifyAuditAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
    }

    /// <summary>
    /// For a broken audit event: is the stored instant the hashed one, truncated? Tries the hash with the stored
    /// <c>At</c> plus 0..9999 ticks (a truncation to 0.1 ms or 1 ms would be found there).
    /// </summary>
    public async Task<string> ExplainFirstBreakAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).Take(50).AsEnumerable())
        {
            if (e.ComputeHash() == e.Hash)
            {
                continue;
            }

            var at = e.At;
            var property = typeof(Domain.Cases.AuditEvent).GetProperty(nameof(Domain.Cases.AuditEvent.At))!;
            for (var k = 1; k < 10_000; k++)
            {
                property.SetValue(e, at.AddTicks(k));
                if (e.ComputeHash() == e.Hash)
                {
                    return $"event {e.Id} ({e.Stream} #{e.Sequence}): stored At {at:O} (ticks {at.UtcTicks}); the hash matches At + {k} ticks, so the instant lost precision on the way to the database";
                }
            }

            return $"event {e.Id} ({e.Stream} #{e.Sequence}): stored At {at:O}; no nearby instant matches the hash, so another field changed";
        }

        return "none of the first 50 events is broken";
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_keepRoot)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a benchmark run on clean-up.
        }
    }

    private static readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement> Empty = new Dictionary<string, System.Text.Json.JsonElement>();
}

/// <summary>Where a <see cref="BenchHost"/> keeps its database: folder, provider (Sqlite, PostgreSql), connection string.</summary>
internal sealed record BenchDatabase(string Root, string Provider, string ConnectionString, bool KeepRoot);
