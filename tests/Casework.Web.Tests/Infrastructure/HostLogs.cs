using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Casework.Web.Tests.Infrastructure;

/// <summary>
/// Tests that assert what a host logs. The host hands Serilog's static logger to its logger factory, and every host
/// in the test process replaces it when it starts; so a host's log events reach the sinks of whichever host started
/// last. These tests run alone (after the parallel ones), so the host under test is that one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostLogsGroup
{
    public const string Name = "host logs";
}

/// <summary>Collects the log events of one host (registered as a Serilog sink through the host's services).</summary>
public sealed class HostLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The warnings (and worse) whose rendered message contains <paramref name="text"/>.</summary>
    public IReadOnlyList<LogEvent> Warnings(string text) =>
        Events.Where(e => e.Level >= LogEventLevel.Warning && e.RenderMessage(null).Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>The host of <paramref name="factory"/> with its log events collected in a new <see cref="HostLogs"/>.</summary>
    public static (WebApplicationFactory<Program> App, HostLogs Logs) Attach(WebApplicationFactory<Program> factory)
    {
        var logs = new HostLogs();
        return (factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(logs))), logs);
    }
}
