using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace Casework.Web.Api;

/// <summary>Configuration section <c>WebSecurity</c>.</summary>
public sealed class WebSecurityOptions
{
    public const string Section = "WebSecurity";

    /// <summary>Largest request body the API accepts (JSON); larger is 413.</summary>
    public long MaxApiRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in attempts (development token, development and OIDC sign-in) per client address per window.</summary>
    public int SignInPermitLimit { get; set; } = 30;

    /// <summary>Creating POSTs (to a collection resource) per user (or client address) per window.</summary>
    public int CreatePermitLimit { get; set; } = 60;

    /// <summary>
    /// Decisions on an existing case or resource (submit, award, a case action, a meeting's decision and close,
    /// a tie-break) per user per window: their own limit, so a secretary recording a meeting's decisions is
    /// not throttled by the create limit.
    /// </summary>
    public int DecisionPermitLimit { get; set; } = 600;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many hosts serve the same database. The counters are kept per host (in memory), so each host
    /// allows its share: every limit above is divided by this number, rounded up (ADR-011).
    /// </summary>
    public int Hosts { get; set; } = 1;

    /// <summary>A configured limit as this host's share of it.</summary>
    public int PerHost(int limit) => Math.Max(1, (int)Math.Ceiling(limit / (double)Math.Max(1, Hosts)));

    /// <summary>HSTS max-age outside Development.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>
/// Security headers on every response, rate limits on sign-in and on creating requests, a request body
/// limit for the API, and antiforgery for forms (OWASP ASVS V3, V4, V13, V14).
/// </summary>
internal static class WebSecurity
{
    public const string SignInPolicy = "sign-in";

    public const string DecisionPolicy = "decision";

    /// <summary>Everything except the API reference page: only our own origin, never framed.</summary>
    public const string DefaultCsp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>API responses are data, never documents: nothing may load from them.</summary>
    public const string ApiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IServiceCollection AddCaseworkWebSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(WebSecurityOptions.Section).Get<WebSecurityOptions>() ?? new WebSecurityOptions();
        services.AddSingleton(options);
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = environment.IsDevelopment() ? "casework.af" : "__Host-casework.af";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            a.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = WriteTooManyRequestsAsync;
            r.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter("sign-in:" + ClientAddress(http), _ => Window(options.PerHost(options.SignInPermitLimit), options.RateLimitWindow)));
            r.AddPolicy(DecisionPolicy, http => RateLimitPartition.GetFixedWindowLimiter("decision:" + UserOrAddress(http), _ => Window(options.PerHost(options.DecisionPermitLimit), options.RateLimitWindow)));

            // Creating endpoints are found by shape rather than listed, so a new one is limited without
            // anyone remembering to: a POST whose route ends in a literal segment (a collection).
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsCreate(http)
                ? RateLimitPartition.GetFixedWindowLimiter("create:" + UserOrAddress(http), _ => Window(options.PerHost(options.CreatePermitLimit), options.RateLimitWindow))
                : RateLimitPartition.GetNoLimiter("none"));
        });
        return services;
    }

    /// <summary>Marks an endpoint as a decision: it counts against the decision limit, not the create limit.</summary>
    public static TBuilder IsDecision<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(DecisionPolicy);

    public static bool IsCreate(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
            || !http.Request.Path.StartsWithSegments(ApiVersion.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = endpoint.RoutePattern.PathSegments;
        var last = segments.Count > 0 ? segments[^1] : null;
        return last is not null && last.IsSimple && last.Parts[0].IsLiteral;
    }

    /// <summary>
    /// nosniff, no referrer, no framing and a Content-Security-Policy on every response, and no caching of what
    /// depends on the caller (<see cref="DependsOnTheCaller"/>). The API reference page (Scalar, served from this host)
    /// gets a policy with a per-request nonce for its scripts.
    /// </summary>
    public static IApplicationBuilder UseCaseworkSecurityHeaders(this IApplicationBuilder app)
    {
        // HSTS here rather than UseHsts: the exception handler clears headers set before it, and a
        // refusal answered through it (403, 404) must carry the header too.
        var development = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var hsts = "max-age=" + ((long)app.ApplicationServices.GetRequiredService<WebSecurityOptions>().HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "; includeSubDomains";
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (!development && http.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = hsts;
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers.ContentSecurityPolicy = http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string value
                    ? ApiDocsCsp(value)
                    : http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? ApiCsp : DefaultCsp;
                if (DependsOnTheCaller(http))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>
    /// A response for a signed-in caller (an API answer, a page, a refusal) shows what that caller may see, and a
    /// development sign-in's answer carries a credential: neither may be kept by a browser or a shared cache
    /// (OWASP ASVS V8.2.1). Static assets are served before authentication, so they keep their caching.
    /// </summary>
    public static bool DependsOnTheCaller(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
        || Infrastructure.Auth.DevSignInPolicy.IsDevSignInPath(http.Request.Path);

    /// <summary>
    /// Scalar's bundle is served from this host (no CDN); its start-up script carries the nonce. It injects
    /// style elements at run time, hence 'unsafe-inline' for styles only (never for scripts). Fonts: the
    /// default CDN fonts are switched off, so the page uses the system fonts.
    /// </summary>
    public static string ApiDocsCsp(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reads at most <see cref="WebSecurityOptions.MaxApiRequestBodyBytes"/>: a declared larger body is refused at once, a streamed one when it passes the limit.</summary>
    public static IApplicationBuilder UseApiRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return next(http);
            }

            // An upload endpoint names its own limit (the dossier's file limit, Features/Documents); JSON bodies keep the API's.
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? http.RequestServices.GetRequiredService<WebSecurityOptions>().MaxApiRequestBodyBytes;
            if (http.Request.ContentLength > limit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            return next(http);
        });

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    private static string UserOrAddress(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst("sub")?.Value is { } subject ? "user:" + subject : "ip:" + ClientAddress(http);

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = "Te veel verzoeken in korte tijd; probeer het over enkele ogenblikken opnieuw.",
            },
        });
    }
}
