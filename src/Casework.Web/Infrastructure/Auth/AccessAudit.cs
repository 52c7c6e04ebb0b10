using System.Security.Claims;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>
/// Writes sign-in, sign-out, refused-access and privileged-read events to the audit trail, each in a unit of work of
/// its own (<see cref="AuditWriter"/>): a refused command's transaction is rolled back, and the refusal must survive
/// that; a read has none. Streams: <c>auth:{user}</c> for sign-in/out, <c>access:{organisation}</c> (or
/// <c>access:anoniem</c>) for refusals, <c>read:{user}</c> for the reads of a Beheerder or Auditor (one stream per
/// reader, so readers do not contend).
/// </summary>
internal sealed partial class AccessAuditWriter(AuditWriter writer, AuthOptions options, ILogger<AccessAuditWriter> logger)
{
    public const string AnonymousStream = "access:anoniem";

    /// <summary>HttpContext.Items key under which the problem detail of a refusal is kept for the audit.</summary>
    public const string RefusalDetailKey = "casework.refusal.detail";

    private const int MaxKeyLength = 64;

    public static string AccessStream(string organisation) => Truncate("access:" + organisation);

    public static string ReadStream(string userId) => Truncate("read:" + userId);

    /// <summary>
    /// A read by a privileged user (BIO 8.15: who, what, when, result). Throws when it cannot be written, so the read
    /// fails rather than leave no trace.
    /// </summary>
    public Task PrivilegedReadAsync(Actor actor, string what, string objectType, string objectId, string result, object? values, CancellationToken ct) =>
        AppendAsync(ReadStream(actor.UserId), actor, "inzage." + what, objectType, Truncate(objectId), result, null, values, null, ct);

    public Task SignedInAsync(Actor actor, string method, CancellationToken ct) =>
        AppendAsync(Truncate(AuditTrail.AuthStream(actor.UserId)), actor, "aanmelding." + method, "gebruiker", actor.UserId, "ok", null, new { organisatie = actor.Organisation, rollen = actor.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal) }, null, ct);

    public Task SignedOutAsync(Actor actor, CancellationToken ct) =>
        AppendAsync(Truncate(AuditTrail.AuthStream(actor.UserId)), actor, "afmelding", "gebruiker", actor.UserId, "ok", null, null, null, ct);

    public Task SignInRefusedAsync(ClaimsPrincipal? principal, string reason, CancellationToken ct)
    {
        var subject = principal?.FindFirstValue(CaseworkClaims.Subject) ?? "onbekend";
        var actor = new Actor(subject, principal?.FindFirstValue(options.OrganisationClaim) ?? "ONBEKEND", new HashSet<Casework.Domain.Access.Role>());
        return AppendAsync(Truncate(AuditTrail.AuthStream(subject)), actor, "aanmelding.oidc", "gebruiker", subject, "geweigerd", null, null, reason, ct);
    }

    /// <summary>Records a 401/403 answered on the API. Never throws: the refusal itself must still reach the client.</summary>
    public async Task RefusedAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var known = HttpCurrentActor.FromPrincipal(http.User, options);
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        var actor = known ?? new Actor(
            authenticated ? http.User.FindFirstValue(CaseworkClaims.Subject) ?? "onbekend" : "anoniem",
            "ONBEKEND",
            new HashSet<Casework.Domain.Access.Role>());
        var stream = known is null ? AnonymousStream : AccessStream(known.Organisation);
        var endpoint = http.GetEndpoint();
        var operation = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Path.Value ?? "/";
        var values = new
        {
            methode = http.Request.Method,
            pad = http.Request.Path.Value,
            status,
            aangemeld = authenticated,
            tokenMeegestuurd = !string.IsNullOrEmpty(http.Request.Headers.Authorization),
            rollen = known?.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToArray(),
        };
        var reason = http.Items.TryGetValue(RefusalDetailKey, out var detail) ? detail as string : null;
        try
        {
            await AppendAsync(stream, actor, "toegang.geweigerd", "verzoek", Truncate(operation), status.ToString(System.Globalization.CultureInfo.InvariantCulture), null, values, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            LogAuditFailed(e, status, http.Request.Path.Value ?? string.Empty);
        }
    }

    private Task AppendAsync(string stream, Actor actor, string action, string objectType, string objectId, string result, object? oldValues, object? newValues, string? reason, CancellationToken ct) =>
        writer.AppendAsync(stream, actor, action, objectType, objectId, result, oldValues, newValues, reason is null ? null : Truncate(reason, 4000), ct);

    private static string Truncate(string value, int max = MaxKeyLength) => value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not audit a refused request ({Status} {Path})")]
    private partial void LogAuditFailed(Exception exception, int status, string path);
}

internal static class AccessAuditMiddleware
{
    /// <summary>Every 401/403 on the API is audited before the client sees it (the write happens as the response starts).</summary>
    public static IApplicationBuilder UseAccessAudit(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (AuthSetup.IsApi(http.Request))
            {
                http.Response.OnStarting(() =>
                    http.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
                        ? http.RequestServices.GetRequiredService<AccessAuditWriter>().RefusedAsync(http)
                        : Task.CompletedTask);
            }

            return next(http);
        });
}
