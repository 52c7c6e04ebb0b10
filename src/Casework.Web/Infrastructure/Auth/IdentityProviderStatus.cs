using Microsoft.IdentityModel.Protocols;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>
/// Whether the OpenID Connect authority can be reached, asked before a sign-in or a bearer token needs its metadata:
/// an unreachable authority is an outage to show (the sign-in page answers 503, the API 503), not an exception per
/// request. The outage is logged once: again only after a successful sign-in or metadata fetch, or after
/// <see cref="RepeatLogAfter"/>, so a host that stays cut off still says so now and then.
/// </summary>
internal sealed partial class IdentityProviderStatus(AuthOptions options, TimeProvider time, ILogger<IdentityProviderStatus> logger)
{
    /// <summary>HttpContext.Items key set when this request could not reach the authority (the API then answers 503).</summary>
    public const string UnavailableKey = "casework.identity-provider.unavailable";

    /// <summary>What a client waits before trying again (Retry-After, in seconds).</summary>
    public const int RetryAfterSeconds = 60;

    public static readonly TimeSpan RepeatLogAfter = TimeSpan.FromMinutes(5);

    private readonly Lock _sync = new();
    private DateTimeOffset? _loggedAt;

    /// <summary>Fetches (or takes the cached) metadata; false, and the outage noted, when the authority cannot be reached.</summary>
    public async Task<bool> IsReachableAsync<T>(IConfigurationManager<T>? manager, CancellationToken ct)
        where T : class
    {
        if (manager is null)
        {
            return true;
        }

        try
        {
            await manager.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (IsOutage(e, ct))
        {
            Unreachable(e);
            return false;
        }

        Reachable();
        return true;
    }

    /// <summary>A sign-in completed: the authority answers, so a next failure is a new outage.</summary>
    public void Reachable()
    {
        bool wasDown;
        lock (_sync)
        {
            wasDown = _loggedAt is not null;
            _loggedAt = null;
        }

        if (wasDown)
        {
            LogReachableAgain(options.Authority);
        }
    }

    private void Unreachable(Exception e)
    {
        bool log;
        lock (_sync)
        {
            var now = time.GetUtcNow();
            log = _loggedAt is not { } at || now - at >= RepeatLogAfter;
            if (log)
            {
                _loggedAt = now;
            }
        }

        if (log)
        {
            LogUnreachable(e, options.Authority);
        }
    }

    // The metadata retriever wraps a refused connection, a DNS failure or a bad answer in InvalidOperationException
    // (IDX20803); a timeout surfaces as a cancellation the caller did not ask for.
    private static bool IsOutage(Exception e, CancellationToken ct) =>
        e is InvalidOperationException or HttpRequestException or IOException
        || (e is OperationCanceledException && !ct.IsCancellationRequested);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "The identity provider {Authority} cannot be reached: sign-in is unavailable until it answers (logged once per outage)")]
    private partial void LogUnreachable(Exception exception, string? authority);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "The identity provider {Authority} answers again")]
    private partial void LogReachableAgain(string? authority);
}
