using System.Text;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Antiforgery;

namespace Casework.Web.Features.Auth;

/// <summary>
/// The development sign-in picker (<c>GET /dev/sign-in</c>, where <c>GET /sign-in</c> sends the browser when no
/// authority is configured): one form per demo user, posting to <c>POST /dev/sign-in</c>, which checks the
/// antiforgery token and signs in exactly as <c>POST /api/v1/dev/sign-in</c> does. Mapped only in Development,
/// so elsewhere both paths are 404. Not part of the API (no OpenAPI entry).
/// </summary>
internal static class DevSignInPage
{
    public static IEndpointRouteBuilder MapDevSignInPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPaths.DevPicker, (string? returnUrl, IAntiforgery antiforgery, HttpContext http) =>
            {
                var target = SignInEndpoints.LocalOrRoot(returnUrl);
                var tokens = antiforgery.GetAndStoreTokens(http);
                return PageLayout.Page("Aanmelden (ontwikkeling)", Render(target, tokens));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapPost(SignInPaths.DevPicker, async (CaseworkDbContext db, AccessAuditWriter audit, HttpContext http, CancellationToken ct) =>
            {
                // A cross-site form must not sign a browser in as someone else (login CSRF).
                // The feature first: touching the form (even HasFormContentType) after a failed check throws.
                if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !http.Request.HasFormContentType)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Het antiforgery-token ontbreekt of is ongeldig; laad de pagina opnieuw.");
                }

                var form = await http.Request.ReadFormAsync(ct);
                await DevTokenEndpoints.SignInWithCookieAsync(new DevTokenRequest(form["user"].ToString(), null, null), db, audit, http, ct);
                return Results.Redirect(SignInEndpoints.LocalOrRoot(form["returnUrl"].ToString()));
            })
            .AllowAnonymous()
            .RequireRateLimiting(WebSecurity.SignInPolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        return app;
    }

    private static string Render(string returnUrl, AntiforgeryTokenSet tokens)
    {
        var html = new StringBuilder()
            .Append("<h1>Aanmelden als demogebruiker</h1>\n")
            .Append("<p>Deze pagina bestaat alleen in de ontwikkelomgeving. Kies met wie u zich aanmeldt; ")
            .Append("u handelt dan voor diens organisatie in diens rollen.</p>\n")
            .Append("<ul class=\"user-list\">\n");
        foreach (var user in DemoUsers.All)
        {
            var id = "gebruiker-" + PageLayout.Encode(user.UserName);
            html.Append("<li><form method=\"post\" action=\"").Append(SignInPaths.DevPicker).Append("\">")
                .Append(PageLayout.AntiforgeryField(tokens))
                .Append("<input type=\"hidden\" name=\"user\" value=\"").Append(PageLayout.Encode(user.UserName)).Append("\">")
                .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(PageLayout.Encode(returnUrl)).Append("\">")
                .Append("<button type=\"submit\" class=\"user-button\" id=\"").Append(id).Append("\" aria-label=\"")
                .Append(PageLayout.Encode($"Aanmelden als {user.DisplayName}, {user.Organisation}, {user.Description}")).Append("\">")
                .Append("<span class=\"user-name\">").Append(PageLayout.Encode(user.DisplayName)).Append("</span>")
                .Append("<span class=\"user-details\">").Append(PageLayout.Encode(user.Organisation)).Append(" · ")
                .Append(PageLayout.Encode(user.Description)).Append("</span>")
                .Append("</button></form></li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }
}
