using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Applications;

/// <summary>
/// <c>/zaken/{id}/herkansing</c>: the RVO loket records of which earlier application this one is a herkansing, and
/// whether it is the same project, with the same <see cref="RecordHerkansingLinkCommand"/> as
/// <c>PUT /api/v1/applications/{id}/herkansing</c> (its field errors beside the fields; a conflict as one message).
/// The admission rule then judges this link. Everyone but the loket, and an application past admission, is refused.
/// </summary>
public sealed class HerkansingLinkModel : CaseworkPageModel
{
    public static string PathOf(Guid id) => $"/zaken/{id}/herkansing";

    public ApplicationDto Application { get; private set; } = null!;

    public HerkansingOptionsDto Options { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SameProjectChoices { get; } =
    [
        new("Ja, het is hetzelfde project", "ja"),
        new("Nee, het is een ander project", "nee"),
    ];

    [BindProperty]
    public HerkansingForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        Input = new HerkansingForm
        {
            Version = Application.Version,
            Previous = Options.SuggestedPreviousId,
            SameProject = Application.HerkansingSameProject switch { true => "ja", false => "nee", _ => null },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (Input.Previous is null && ModelState.GetFieldValidationState("Input.Previous") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.Previous", "Kies de eerdere aanvraag waarvan dit een herkansing is.");
        }

        if (Input.SameProject is not ("ja" or "nee"))
        {
            ModelState.AddModelError("Input.SameProject", "Geef aan of het hetzelfde project is als de eerdere aanvraag.");
        }

        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var request = new HerkansingLinkRequest(Input.Previous!.Value, Input.SameProject == "ja", string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason);
        var (ok, _) = await TrySendAsync(new RecordHerkansingLinkCommand(id, Input.Version, request), string.Empty, ct);
        if (!ok)
        {
            FormErrors.MoveToFields(ModelState, new Dictionary<string, string>
            {
                ["previousApplicationId"] = nameof(HerkansingForm.Previous),
                ["reason"] = nameof(HerkansingForm.Reason),
            });
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash(Input.SameProject == "ja"
            ? "De herkansing is vastgelegd: het is hetzelfde project als de eerdere aanvraag."
            : "De herkansing is vastgelegd: volgens het loket is het een ander project, dus de aanvraag voldoet niet aan de regel voor een herkansing.");
        return Redirect(PagePaths.Case(id));
    }

    private IActionResult? Refuse() => Options.MayLink
        ? null
        : PageAccess.Denied(this, "Een herkansing legt het RVO-loket vast, nadat de gemeente de aanvraag heeft ingediend en voordat over de toelating is beslist.");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Application = await QueryAsync(new GetApplicationQuery(id), ct);
            Options = await QueryAsync(new HerkansingOptionsQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Candidates = Options.Candidates.Select(c => new SelectListItem(c.Text, c.Value)).ToList();
        return true;
    }

    /// <summary>The loket's link as the form binds it; the case version it was read at.</summary>
    public sealed class HerkansingForm
    {
        public int Version { get; set; }

        public Guid? Previous { get; set; }

        public string? SameProject { get; set; }

        public string? Reason { get; set; }
    }
}
