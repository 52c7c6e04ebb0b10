using System.Diagnostics;
using Casework.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Pages;

/// <summary>
/// <c>/fout</c>: what a person sees instead of a bare status when a page request ends in an error: an unknown or
/// invisible page (404), a refused request, or a fault of ours (500, with the trace id to quote). Reached only by
/// re-execution (status-code pages and the exception handler, for everything outside <c>/api</c>, which keeps its
/// ProblemDetails). Anonymous, so a signed-out visitor of an unknown URL gets it too.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : CaseworkPageModel
{
    public const string Path = "/fout";

    public int Status { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private IActionResult Show()
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (exception is null && reExecuted is null)
        {
            // Asked for directly: there is no error to show.
            return NotFound();
        }

        var problem = exception is null ? null : ProblemMapper.ToProblem(exception);
        Status = problem?.Status ?? (exception is null ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = Status;
        (Heading, Explanation) = Status switch
        {
            StatusCodes.Status404NotFound => ("Pagina niet gevonden", "Deze pagina bestaat niet, of wat erop staat is niet voor u zichtbaar. Controleer het adres, of ga via de startpagina naar uw werk."),
            StatusCodes.Status403Forbidden => ("Geen toegang", problem?.Detail ?? "U hebt geen toestemming voor deze pagina."),
            StatusCodes.Status409Conflict => ("Dit kan nu niet", problem?.Detail ?? "De gegevens zijn intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens."),
            StatusCodes.Status405MethodNotAllowed => ("Dit kan niet op deze pagina", "Deze pagina kan dit verzoek niet verwerken. Ga terug en probeer het via de knoppen op de pagina."),
            StatusCodes.Status429TooManyRequests => ("Even geduld", "U hebt in korte tijd veel verzoeken gedaan. Probeer het over een minuut opnieuw."),
            >= 500 => ("Er ging iets mis", "Er ging iets mis aan onze kant; uw laatste handeling is niet opgeslagen. Probeer het later opnieuw. Neemt u contact op, vermeld dan de foutcode hieronder."),
            _ => ("Het verzoek kon niet worden verwerkt", problem?.Detail ?? "Ga terug en probeer het opnieuw."),
        };
        TraceId = Status >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        ViewData["Title"] = Heading;
        return Page();
    }
}
