using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Auth;

/// <summary>
/// The pages' sign-out (outside the API, not in the OpenAPI document): <c>POST /sign-out</c> ends the cookie (and
/// the authority's session). The sign-in, <c>GET /sign-in</c>, is a page (<see cref="SignInModel"/>), so that it can
/// show why signing in is not possible right now.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPaths.SignOut, async (AuthOptions options, AccessAuditWriter audit, HttpContext http, CancellationToken ct) =>
            {
                // A cross-site form could otherwise sign a user out; the pages post the antiforgery token.
                if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Het antiforgery-token ontbreekt of is ongeldig; laad de pagina opnieuw.");
                }

                var auth = await http.AuthenticateAsync(AuthSetup.CookieScheme);
                if (auth.Succeeded && HttpCurrentActor.FromPrincipal(auth.Principal, options) is { } actor)
                {
                    await audit.SignedOutAsync(actor, ct);
                }

                await http.SignOutAsync(AuthSetup.CookieScheme);
                if (!string.IsNullOrWhiteSpace(options.Authority) && auth.Succeeded)
                {
                    return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [AuthSetup.OidcScheme]);
                }

                return Results.Redirect("/");
            })
            .AllowAnonymous()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        return app;
    }

    /// <summary>
    /// Only a path on this host: an absolute or protocol-relative URL would make the sign-in an open redirect.
    /// Control characters are refused too: browsers drop tabs and newlines, so <c>/\t/evil.example</c> would become <c>//evil.example</c>.
    /// </summary>
    internal static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Contains("://", StringComparison.Ordinal) && !url.Any(char.IsControl)
            ? url
            : "/";
}
