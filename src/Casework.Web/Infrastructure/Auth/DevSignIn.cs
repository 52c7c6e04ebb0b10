using System.Net;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>Configuration section <c>DevSignIn</c>.</summary>
public sealed class DevSignInOptions
{
    public const string Section = "DevSignIn";

    /// <summary>
    /// Unset: on in Development without an authority, for requests from this machine only. <c>true</c>: on for every
    /// client in any environment (a demo host); refused at start when an authority is configured. <c>false</c>: off.
    /// </summary>
    public bool? Enabled { get; set; }
}

/// <summary>Whether the development sign-in exists, and for whom.</summary>
internal enum DevSignInMode
{
    /// <summary>The endpoints and the picker page are not mapped (404).</summary>
    Off,

    /// <summary>Development without an authority: only a request from a loopback address may use it; others get 404.</summary>
    LoopbackOnly,

    /// <summary><c>DevSignIn:Enabled=true</c> without an authority: every client may use it.</summary>
    Everyone,
}

/// <summary>
/// The development sign-in (demo users, tokens signed with a key anyone can read in this repository) lets whoever can
/// reach it act as anyone. It is on only where nobody else can reach it: Development, no OpenID Connect authority, and
/// a request from this machine; or where someone switched it on explicitly (<c>DevSignIn:Enabled=true</c>), which the
/// host refuses beside a real authority (docs/decisions/ADR-012-dev-sign-in.md).
/// </summary>
internal sealed partial class DevSignInPolicy(DevSignInMode mode)
{
    public DevSignInMode Mode { get; } = mode;

    public bool IsOn => Mode != DevSignInMode.Off;

    /// <summary>Decides the mode at start; throws (the host does not start) when it is switched on beside an authority.</summary>
    public static DevSignInPolicy From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DevSignInOptions.Section).Get<DevSignInOptions>() ?? new DevSignInOptions();
        var authority = !string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"]);
        return options.Enabled switch
        {
            true when authority => throw new InvalidOperationException(
                "DevSignIn:Enabled is true while Authentication:Authority is configured. The development sign-in lets anyone act as any user, "
                + "so it never runs beside the real sign-in: remove DevSignIn:Enabled, or remove Authentication:Authority on a demo host."),
            true => new DevSignInPolicy(DevSignInMode.Everyone),
            false => new DevSignInPolicy(DevSignInMode.Off),
            null => new DevSignInPolicy(environment.IsDevelopment() && !authority ? DevSignInMode.LoopbackOnly : DevSignInMode.Off),
        };
    }

    /// <summary>May this request use the development sign-in (or be signed in by it)?</summary>
    public bool Allows(HttpContext http) => Mode switch
    {
        DevSignInMode.Everyone => true,
        DevSignInMode.LoopbackOnly => IsLoopback(http.Connection.RemoteIpAddress),
        _ => false,
    };

    /// <summary>
    /// An unknown address (no TCP peer: a Unix socket behind a proxy, an in-process server) is not this machine:
    /// fail closed. Behind a reverse proxy on the same machine every request looks local unless forwarded headers are
    /// configured, which is why the mode also needs Development and no authority.
    /// </summary>
    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The development sign-in's own paths: the API's <c>/api/v1/dev/*</c> and the picker page <c>/dev/*</c>.</summary>
    public static bool IsDevSignInPath(PathString path) =>
        path.StartsWithSegments(Api.ApiVersion.BasePath + "/dev", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/dev", StringComparison.OrdinalIgnoreCase);

    /// <summary>One warning at start whenever the development sign-in is on, so nobody runs it unknowingly.</summary>
    public void WarnAtStart(ILogger logger)
    {
        switch (Mode)
        {
            case DevSignInMode.LoopbackOnly:
                LogLoopbackOnly(logger);
                break;
            case DevSignInMode.Everyone:
                LogEveryone(logger);
                break;
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message =
        "*** DEVELOPMENT SIGN-IN IS ON *** Anyone on this machine can sign in as any demo user (/dev/sign-in, /api/v1/dev/token): "
        + "environment Development, no Authentication:Authority, requests from loopback addresses only. Never expose this host.")]
    private static partial void LogLoopbackOnly(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message =
        "*** DEVELOPMENT SIGN-IN IS ON FOR EVERYONE *** DevSignIn:Enabled=true: every client that reaches this host can sign in as any demo user "
        + "(/dev/sign-in, /api/v1/dev/token). Only for a demo host without real data; production sets Authentication:Authority instead.")]
    private static partial void LogEveryone(ILogger logger);
}

internal static class DevSignInGate
{
    /// <summary>
    /// Where the development sign-in is mapped but this request may not use it (not from this machine), its paths
    /// answer 404, as where it does not exist at all.
    /// </summary>
    public static IApplicationBuilder UseDevSignInGate(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<DevSignInPolicy>();
        return app.Use((http, next) =>
        {
            if (DevSignInPolicy.IsDevSignInPath(http.Request.Path) && !policy.Allows(http))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        });
    }
}
