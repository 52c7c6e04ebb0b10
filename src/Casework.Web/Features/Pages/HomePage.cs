using System.Security.Claims;
using System.Text;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Casework.Web.Features.Pages;

/// <summary>
/// <c>GET /</c>: a minimal start page (until the real pages arrive) that says who is signed in, with a sign-out
/// form, or links to the sign-in; and links to the API reference. Anonymous, so it shows nothing about cases.
/// </summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (AuthOptions options, IAntiforgery antiforgery, HttpContext http) =>
            {
                var html = new StringBuilder().Append("<h1>Casework</h1>\n");
                if (HttpCurrentActor.FromPrincipal(http.User, options) is { } actor)
                {
                    var name = http.User.FindFirstValue(CaseworkClaims.Name) ?? actor.UserId;
                    var tokens = antiforgery.GetAndStoreTokens(http);
                    html.Append("<p>U bent aangemeld als <strong>").Append(PageLayout.Encode(name)).Append("</strong> voor organisatie ")
                        .Append(PageLayout.Encode(actor.Organisation)).Append(", in de rol(len) ")
                        .Append(PageLayout.Encode(string.Join(", ", actor.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal)))).Append(".</p>\n")
                        .Append("<form method=\"post\" action=\"").Append(SignInPaths.SignOut).Append("\">")
                        .Append(PageLayout.AntiforgeryField(tokens))
                        .Append("<button type=\"submit\" class=\"button\">Afmelden</button></form>\n");
                }
                else
                {
                    html.Append("<p>U bent niet aangemeld. <a href=\"").Append(SignInPaths.SignIn).Append("?returnUrl=%2F\">Aanmelden</a></p>\n");
                }

                html.Append("<p><a href=\"/api-docs\">Documentatie van de API</a></p>\n");
                return PageLayout.Page("Start", html.ToString());
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
