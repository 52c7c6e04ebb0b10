using System.Collections.Concurrent;
using System.Net;

namespace Casework.Web.Tests.Delivery;

/// <summary>
/// A real HTTP receiver (<see cref="HttpListener"/> on a free localhost port) that records every POST with its headers and
/// body, and answers 503 to the first <see cref="FailFirst"/> requests (or to every request with <see cref="AlwaysFail"/>).
/// An HttpListener rather than a second ASP.NET Core app in the test process: WebApplicationFactory finds the app's host
/// through process-wide hosting diagnostics, which another host being built at the same moment must not disturb.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _seen;

    private WebhookReceiver(int failFirst, bool alwaysFail)
    {
        FailFirst = failFirst;
        AlwaysFail = alwaysFail;
        for (var attempt = 0; ; attempt++)
        {
            var port = SmtpTestServer.FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{port}/notificaties";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Someone took the port between finding and binding it: another one.
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; } = string.Empty;

    public int FailFirst { get; }

    public bool AlwaysFail { get; }

    /// <summary>Every request, also the refused ones, in arrival order.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status)> Requests { get; } = new();

    public static Task<WebhookReceiver> StartAsync(int failFirst = 0, bool alwaysFail = false) => Task.FromResult(new WebhookReceiver(failFirst, alwaysFail));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var n = Interlocked.Increment(ref _seen);
            var status = context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/notificaties" ? 404
                : AlwaysFail || n <= FailFirst ? 503 : 204;
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue((headers, body.ToArray(), status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
