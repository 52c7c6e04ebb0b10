using System.Globalization;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Auth;

/// <summary>
/// <c>GET /sign-in</c>, where every page sends a browser that is not signed in: starts OpenID Connect (authorization
/// code + PKCE) or, where the development sign-in is on for this request, sends the browser to its picker. When the
/// identity provider cannot be reached it answers 503 with a page that says so, instead of failing on the
/// authority's metadata (<see cref="IdentityProviderStatus"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSecurity.SignInPolicy)]
public sealed class SignInModel : CaseworkPageModel
{
    public string RetryUrl { get; private set; } = SignInPaths.SignIn;

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var target = SignInEndpoints.LocalOrRoot(returnUrl);
        if (string.IsNullOrWhiteSpace(Service<AuthOptions>().Authority))
        {
            return Service<DevSignInPolicy>().Allows(HttpContext)
                ? Redirect(SignInPaths.DevPicker + "?returnUrl=" + Uri.EscapeDataString(target))
                : NotFound();
        }

        var oidc = Service<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthSetup.OidcScheme);
        if (await Service<IdentityProviderStatus>().IsReachableAsync(oidc.ConfigurationManager, ct))
        {
            return Challenge(new AuthenticationProperties { RedirectUri = target }, AuthSetup.OidcScheme);
        }

        RetryUrl = SignInPaths.SignIn + "?returnUrl=" + Uri.EscapeDataString(target);
        Response.Headers.RetryAfter = IdentityProviderStatus.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var page = Page();
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page;
    }
}
