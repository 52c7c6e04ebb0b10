using Casework.Domain.Access;
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
        "Deze pagina is voor secretariaten van gremia, rijksvertegenwoordigers, beoordelaars, beheerders en auditors. Met uw rol hoort u hier niet.";

    /// <summary>
    /// Who works from the werkvoorraad: everyone to whom cases are routed (loket, departments, committees, secretariats,
    /// rijksvertegenwoordigers), the Beheerder, and the Auditor, who reads every case. Only a gemeente works from Mijn zaken.
    /// </summary>
    public static readonly Role[] WorkQueueRoles =
        [Role.Loket, Role.Beoordelaar, Role.Commissielid, Role.Secretaris, Role.Rijksvertegenwoordiger, Role.Beheerder, Role.Auditor];

    /// <summary>Who follows the escalations and the meetings: the secretariats, the departments, the Beheerder and the Auditor.</summary>
    public static readonly Role[] EscalationRoles = [Role.Secretaris, Role.Rijksvertegenwoordiger, Role.Beoordelaar, Role.Beheerder, Role.Auditor];

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
