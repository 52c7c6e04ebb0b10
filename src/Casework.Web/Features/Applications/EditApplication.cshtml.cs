using Casework.Web.Features.Pages;
using Casework.Web.Features.Tranches;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

/// <summary>
/// <c>/aanvragen/{id}</c>: the gemeente's draft. "Opslaan als concept" runs <see cref="ReviseApplicationCommand"/>;
/// "Indienen" saves the form the same way and then runs <see cref="SubmitApplicationCommand"/>, which refuses with
/// every broken admission rule (code and legal source in the error summary) and changes nothing of the submission;
/// on success the gemeente lands on the case page. A draft that is no longer a draft opens as its case.
/// </summary>
public sealed class EditApplicationModel : ApplicationFormPageModel
{
    public ApplicationDto? Application { get; private set; }

    /// <summary>Set when a refused submission still saved the form's changes to the draft, so the page can say so.</summary>
    public bool SavedButNotSubmitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (RefuseUnlessApplicant() is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        // A draft is a case in its definition's initial state; past it, the page opens as the case.
        var definition = HttpContext.RequestServices.GetRequiredService<Casework.Workflows.Loading.DefinitionCatalog>().FindLatest(ApplicationMapping.DefinitionFor(Application!.Regeling));
        if (Application.State != definition?.Definition.InitialState)
        {
            return Redirect(PagePaths.Case(id));
        }

        Input = ApplicationForm.From(Application);
        Input.JointMembers = JointMembersByName(Application.JointMembers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (RefuseUnlessApplicant() is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var (saved, _) = await SaveAsync(id, ct);
        if (!saved)
        {
            return Invalid(ModelState.ContainsKey(string.Empty) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        Flash("Het concept is opgeslagen. Het is nog niet ingediend.");
        return Redirect(ApplicationPaths.Edit(id));
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (RefuseUnlessApplicant() is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var (saved, draft) = await SaveAsync(id, ct);
        if (!saved || draft is null)
        {
            return Invalid(ModelState.ContainsKey(string.Empty) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        var (submitted, result) = await TrySendAsync(new SubmitApplicationCommand(id, draft.Version), string.Empty, ct);
        if (!submitted || result is null)
        {
            // The form's changes are in the draft now (a newer version): the next attempt must carry that version.
            Application = draft;
            Input.Version = draft.Version;
            ModelState.Remove("Input.Version");
            SavedButNotSubmitted = true;
            return Invalid(StatusCodes.Status422UnprocessableEntity);
        }

        Flash($"De aanvraag {result.Reference} is ingediend. Het RVO-loket bevestigt de ontvangst en toetst de volledigheid.");
        return Redirect(PagePaths.Case(id));
    }

    private async Task<(bool Ok, ApplicationDto? Draft)> SaveAsync(Guid id, CancellationToken ct)
    {
        if (ToRequest() is not { } request)
        {
            return (false, null);
        }

        // The round is the draft's own; a tampered hidden field must not move it (the command would refuse anyway).
        request = request with { TrancheId = Application!.TrancheId };
        return await TrySendAsync(new ReviseApplicationCommand(id, Input.Version, request), string.Empty, ct);
    }

    /// <summary>Loads the draft and its round for the form; an unknown or invisible id is 404.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Application = await QueryAsync(new GetApplicationQuery(id), ct);
        }
        catch (Api.ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        var round = await QueryAsync(new GetTrancheQuery(Application.TrancheId), ct);
        await PrepareFormAsync(round.Tranche, ct);
        return null;
    }
}
