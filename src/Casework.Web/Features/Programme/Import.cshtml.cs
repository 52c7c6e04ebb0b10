using System.Text;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>/metingen/inlezen</c>: measurements from a CSV file. First a preview that shows every row and its problems
/// (nothing stored), then "Opslaan" stores the whole file or, when any row has a problem, nothing; values that replace
/// an earlier one need a reason. Same <see cref="ImportMeasurementsCommand"/> as <c>POST /api/v1/metingen/import</c>.
/// For whoever keeps the measurements of a focusgebied (its gemeente and alliance secretariat).
/// </summary>
public sealed class ImportModel : CaseworkPageModel
{
    [BindProperty]
    public IFormFile? Bestand { get; set; }

    /// <summary>The file's text, carried from the preview to "Opslaan" so the stored file is the previewed one.</summary>
    [BindProperty]
    public string? Inhoud { get; set; }

    [BindProperty]
    public string? Reden { get; set; }

    public ImportResultDto? Preview { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await RefuseAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostVoorbeeldAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Bestand is null || Bestand.Length == 0)
        {
            ModelState.AddModelError(nameof(Bestand), "Kies een CSV-bestand.");
            return RefusedPage();
        }

        if (Bestand.Length > ImportMeasurementsHandler.MaxLength)
        {
            ModelState.AddModelError(nameof(Bestand), $"Het bestand is te groot (ten hoogste {ImportMeasurementsHandler.MaxLength / 1000} kB).");
            return RefusedPage();
        }

        using (var reader = new StreamReader(Bestand.OpenReadStream(), Encoding.UTF8))
        {
            Inhoud = await reader.ReadToEndAsync(ct);
        }

        return await SendAsync(store: false, ct);
    }

    public async Task<IActionResult> OnPostOpslaanAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        return await SendAsync(store: true, ct);
    }

    private async Task<IActionResult> SendAsync(bool store, CancellationToken ct)
    {
        try
        {
            Preview = await QueryOrSendAsync(store, ct);
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(nameof(Bestand), error.ErrorMessage);
            }

            return RefusedPage();
        }
        catch (ApiProblemException e)
        {
            // The whole file or nothing: show the rows again with their problems.
            Problem = Describe(e.Problem);
            Preview = await QueryOrSendAsync(false, ct);
            return RefusedPage(StatusCodes.Status422UnprocessableEntity);
        }

        if (store)
        {
            Flash($"{Preview.Rows} metingen zijn opgeslagen{(Preview.Replacing > 0 ? $", waarvan {Preview.Replacing} ter vervanging van een eerdere waarde" : string.Empty)}.");
            return Redirect(PagePaths.MeasurementImport);
        }

        return Page();
    }

    private async Task<ImportResultDto> QueryOrSendAsync(bool store, CancellationToken ct) =>
        await Service<Mediator.IMediator>().Send(new ImportMeasurementsCommand(Inhoud, store, Reden), ct);

    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        var areas = await Service<CaseworkDbContext>().Focusgebieden.AsNoTracking().ToListAsync(ct);
        return areas.Any(a => ProgrammeAccess.MayEdit(actor, a))
            ? null
            : PageAccess.Denied(this, "Metingen inlezen doen de gemeente van een focusgebied en het secretariaat van de alliantie, voor hun eigen gebied.");
    }
}
