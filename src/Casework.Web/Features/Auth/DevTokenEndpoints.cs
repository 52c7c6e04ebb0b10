using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Auth;

/// <summary>Body of <c>POST /api/v1/dev/token</c>: a demo user name, or an organisation with roles.</summary>
public sealed record DevTokenRequest(string? User, string? Organisation, IReadOnlyList<string>? Roles);

public sealed record DevTokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string UserId, string Organisation, IReadOnlyList<string> Roles);

/// <summary>Answer of <c>POST /api/v1/dev/sign-in</c>: who is now signed in (with a cookie).</summary>
public sealed record DevSignInResponse(string UserId, string DisplayName, string Organisation, IReadOnlyList<string> Roles);

/// <summary>
/// Development sign-in: mapped only where <see cref="DevSignInPolicy"/> has it on (elsewhere the endpoints do not exist), and
/// answered only for the requests it allows (the others get 404 from <see cref="DevSignInGate"/>).
/// </summary>
internal static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dev").WithTags("Ontwikkeling").AllowAnonymous();
        group.MapPost("/token", async (DevTokenRequest request, AuthOptions options, CaseworkDbContext db, AccessAuditWriter audit, TimeProvider time, CancellationToken ct) =>
            {
                var user = await ResolveAsync(request, db, ct);
                var now = time.GetUtcNow();
                var token = AuthSetup.IssueDevToken(options, user.UserId, user.DisplayName, user.Organisation, user.Roles, now);
                await audit.SignedInAsync(new Actor(user.UserId, user.Organisation, user.Roles.Select(Enum.Parse<Role>).ToHashSet()), "ontwikkeling", ct);
                return new DevTokenResponse(token, "Bearer", now.Add(options.DevTokenLifetime), user.UserId, user.Organisation, user.Roles);
            })
            .RequireRateLimiting(WebSecurity.SignInPolicy)
            .WithName("issueDevToken")
            .WithSummary("Ontwikkel-aanmelding (alleen voor ontwikkeling: in Development vanaf deze machine, of met DevSignIn:Enabled): een bearer-token voor een demogebruiker of een organisatie met rollen")
            .Produces<DevTokenResponse>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // The pages' development sign-in: the same choice, answered with the sign-in cookie instead of a token.
        group.MapPost("/sign-in", (DevTokenRequest request, CaseworkDbContext db, AccessAuditWriter audit, HttpContext http, CancellationToken ct) =>
                SignInWithCookieAsync(request, db, audit, http, ct))
            .RequireRateLimiting(WebSecurity.SignInPolicy)
            .WithName("devSignIn")
            .WithSummary("Ontwikkel-aanmelding voor de pagina's (alleen voor ontwikkeling: in Development vanaf deze machine, of met DevSignIn:Enabled): zet het aanmeldcookie voor een demogebruiker of een organisatie met rollen")
            .Produces<DevSignInResponse>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/users", () => DemoUsers.All)
            .WithName("listDemoUsers")
            .WithSummary("De demogebruikers van de ontwikkel-aanmelding (alleen voor ontwikkeling: in Development vanaf deze machine, of met DevSignIn:Enabled)")
            .Produces<IReadOnlyList<DemoUser>>();
        return api;
    }

    /// <summary>
    /// Signs the browser in with the page cookie for a demo user (or an organisation with roles) and audits it;
    /// shared by <c>POST /api/v1/dev/sign-in</c> and the picker page's form (<see cref="DevSignInModel"/>).
    /// </summary>
    internal static async Task<DevSignInResponse> SignInWithCookieAsync(DevTokenRequest request, CaseworkDbContext db, AccessAuditWriter audit, HttpContext http, CancellationToken ct)
    {
        var user = await ResolveAsync(request, db, ct);
        await http.SignInAsync(AuthSetup.CookieScheme, AuthSetup.DevPrincipal(user.UserId, user.DisplayName, user.Organisation, user.Roles));
        await audit.SignedInAsync(new Actor(user.UserId, user.Organisation, user.Roles.Select(Enum.Parse<Role>).ToHashSet()), "ontwikkeling", ct);
        return new DevSignInResponse(user.UserId, user.DisplayName, user.Organisation, user.Roles);
    }

    private sealed record ResolvedUser(string UserId, string DisplayName, string Organisation, List<string> Roles);

    private static async Task<ResolvedUser> ResolveAsync(DevTokenRequest request, CaseworkDbContext db, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.User))
        {
            var demo = DemoUsers.Find(request.User) ?? throw Invalid("user", $"'{request.User}' is geen demogebruiker.");
            return new ResolvedUser(demo.UserName, demo.DisplayName, demo.Organisation, demo.Roles.Select(r => r.ToString()).ToList());
        }

        if (string.IsNullOrWhiteSpace(request.Organisation))
        {
            throw Invalid("organisation", "Geef een demogebruiker (user) of een organisatie met rollen.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Code == request.Organisation, ct))
        {
            throw Invalid("organisation", $"'{request.Organisation}' is geen bekende organisatie.");
        }

        var requested = request.Roles ?? [];
        if (requested.Count == 0)
        {
            throw Invalid("roles", "Geef ten minste één rol.");
        }

        // Names only: Enum.TryParse would also take "7" or "Loket,Auditor".
        var unknown = requested.Where(r => RoleNames.Parse(r) is null or Role.Systeem).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid("roles", $"Onbekende rol(len): {string.Join(", ", unknown)}.");
        }

        var roles = requested.Select(r => RoleNames.Parse(r)!.Value.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var organisation = request.Organisation;
        var userId = $"dev-{organisation.ToLowerInvariant()}-{string.Join('-', roles).ToLowerInvariant()}";
        return new ResolvedUser(userId, $"Ontwikkelaar {organisation}", organisation, roles);
    }

    private static FluentValidation.ValidationException Invalid(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
