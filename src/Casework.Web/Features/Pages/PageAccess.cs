using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Casework.Web.Features.Pages;

/// <summary>
/// A page only some roles use: everyone else gets the same 403 page (<c>Features/Shared/_Denied.cshtml</c>) that says
/// who the page is for, instead of a redirect loop to sign-in or a page of its own.
/// </summary>
public static class PageAccess
{
    /// <summary>The ViewData key of the sentence that says who the page is for.</summary>
    public const string WhyKey = "Weigering";

    /// <summary>For the secretariat pages (escalations, meetings, decisions).</summary>
    public const string ForSecretariesAndReviewers =
        "Deze pagina is voor secretariaten van gremia, rijksvertegenwoordigers, beoordelaars en beheerders. Met uw rol hoort u hier niet.";

    public static IActionResult Denied(CaseworkPageModel page, string why)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        var data = new ViewDataDictionary(page.ViewData) { ["Title"] = "Geen toegang", [WhyKey] = why };
        return new ViewResult
        {
            ViewName = "/Features/Shared/_Denied.cshtml",
            ViewData = data,
            StatusCode = StatusCodes.Status403Forbidden,
        };
    }
}
