using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Casework.Web.Tests.Delivery;

/// <summary>
/// A real HTTP receiver (Kestrel on a free localhost port) that records every POST with its headers and body, and
/// answers 503 to the first <see cref="FailFirst"/> requests (or to every request with <see cref="AlwaysFail"/>).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    public int FailFirst { get; init; }

    public bool AlwaysFail { get; init; }

    /// <summary>Every request, also the refused ones, in arrival order.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, bool alwaysFail = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { FailFirst = failFirst, AlwaysFail = alwaysFail };
        app.MapPost("/notificaties", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var n = Interlocked.Increment(ref receiver._seen);
            var status = receiver.AlwaysFail || n <= receiver.FailFirst ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            receiver.Requests.Enqueue((http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/notificaties";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
