using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Casework.Web.Features.Auth;

/// <summary>
/// The development sign-in picker (<c>/dev/sign-in</c>, where <c>GET /sign-in</c> sends the browser when no authority
/// is configured): one form per demo user. The POST checks the antiforgery token (Razor Pages does, so a cross-site form
/// cannot sign a browser in as someone else) and signs in exactly as <c>POST /api/v1/dev/sign-in</c> does. The route
/// exists only where the development sign-in is on (<see cref="PagesSetup"/> removes it elsewhere, so both verbs are 404), and
/// <see cref="DevSignInGate"/> answers 404 to a request it does not allow (not from this machine).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSecurity.SignInPolicy)]
public sealed class DevSignInModel : CaseworkPageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SignInEndpoints.LocalOrRoot(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? user, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SignInEndpoints.LocalOrRoot(returnUrl);
        try
        {
            await DevTokenEndpoints.SignInWithCookieAsync(new DevTokenRequest(user, null, null), Service<CaseworkDbContext>(), Service<AccessAuditWriter>(), HttpContext, ct);
        }
        catch (ApiProblemException e)
        {
            return Refused(Describe(e.Problem));
        }
        catch (FluentValidation.ValidationException e)
        {
            // An unknown demo user (a hand-made form post): the API answers 400 for it, the page says so beside the list.
            return Refused(string.Join(" ", e.Errors.Select(f => f.ErrorMessage)));
        }

        return LocalRedirect(ReturnUrl);
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
