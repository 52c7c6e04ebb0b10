using Casework.Domain.Common;
using Casework.Domain.Documents;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Documents;

/// <summary>
/// <c>/dossier/toevoegen</c>: add a document to a case, a meeting or an agenda item (or a new version of one), and
/// delete one while that is allowed. It sends the API's commands (<see cref="CreateDocumentCommand"/>,
/// <see cref="AddDocumentVersionCommand"/>, <see cref="DeleteDocumentCommand"/>) with the same checks, and goes back
/// to the page it came from (<c>terug</c>, a local path only) with a message.
/// </summary>
/// <remarks>
/// The form is read by ASP.NET Core (antiforgery needs it), which buffers a large file to disk, not memory; the file is
/// then staged like an API upload. The hard ceiling below is above the default file limit (Documents:MaxFileBytes,
/// 25 MiB), which is what refuses a too large file with its rule.
/// </remarks>
[RequestSizeLimit(RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestCeiling)]
public sealed class UploadModel : CaseworkPageModel
{
    public const long RequestCeiling = 64L * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "zaak")]
    public Guid? CaseId { get; set; }

    [BindProperty(SupportsGet = true, Name = "vergadering")]
    public Guid? MeetingId { get; set; }

    [BindProperty(SupportsGet = true, Name = "agendapunt")]
    public Guid? AgendaItemId { get; set; }

    [BindProperty(SupportsGet = true, Name = "document")]
    public Guid? DocumentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "terug")]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    /// <summary>The document a new version is for (null: a new document).</summary>
    public DocumentDto? Existing { get; private set; }

    public DossierRulesDto Rules { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> TypeOptions => Rules.Informatieobjecttypen.Select(t => new SelectListItem(t.Label, t.Code)).ToList();

    public IReadOnlyList<SelectListItem> VertrouwelijkheidOptions =>
        Vertrouwelijkheid.All.Select(v => new SelectListItem(v.Label(), v.ToZgw())).ToList();

    public string Accept => string.Join(',', ContentSniffer.Allowed.SelectMany(a => a.Extensions));

    public string Back => ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith('/') ? url : PagePaths.MyCases;

    public string Heading => Existing is { } d ? $"Nieuwe versie van ‘{d.Titel}’" : "Document toevoegen";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } missing)
        {
            return missing;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } missing)
        {
            return missing;
        }

        var options = Service<DocumentOptions>();
        StagedUpload? staged = null;
        int? status = null;
        try
        {
            if (Input.Bestand is { } file)
            {
                await using var content = file.OpenReadStream();
                staged = await StagedUpload.StageAsync(content, file.FileName, options.StagingFolder, options.MaxFileBytes, ct);
            }

            var mediator = Service<IMediator>();
            DocumentDto dto = Existing is { } existing
                ? await mediator.Send(new AddDocumentVersionCommand(existing.Id, staged, Input.ExpectedVersion ?? existing.Versie), ct)
                : await mediator.Send(new CreateDocumentCommand(Target()!, Input.Titel, Input.Informatieobjecttype, string.IsNullOrEmpty(Input.Vertrouwelijkheidaanduiding) ? null : Input.Vertrouwelijkheidaanduiding, staged), ct);
            Flash(Existing is null ? $"Document ‘{dto.Titel}’ is toegevoegd." : $"Versie {dto.Versie} van ‘{dto.Titel}’ is toegevoegd.");
            return Redirect(Back + (dto.Agendapunt is { } item ? "#dossier-agendapunt-" + item : "#dossier"));
        }
        catch (ValidationException e)
        {
            status = StatusCodes.Status400BadRequest;
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName), error.ErrorMessage);
            }
        }
        catch (BusinessRuleViolationException e)
        {
            status = StatusCodes.Status422UnprocessableEntity;
            ShowBrokenRules(e.BrokenRules);
        }
        catch (ApiProblemException e)
        {
            status = e.Problem.Status ?? StatusCodes.Status400BadRequest;
            ModelState.AddModelError(status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType ? "Input.Bestand" : string.Empty, Describe(e.Problem));
        }
        finally
        {
            if (staged is not null)
            {
                await staged.DisposeAsync();
            }
        }

        await Service<DocumentAudit>().RefusedAsync(Existing is null ? "document.toevoegen" : "document.nieuwe-versie", (Existing?.Id ?? AgendaItemId ?? CaseId ?? MeetingId)?.ToString() ?? "onbekend", status.Value, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        return RefusedPage(status.Value);
    }

    public async Task<IActionResult> OnPostVerwijderenAsync(CancellationToken ct)
    {
        if (DocumentId is not { } id)
        {
            return NotFound();
        }

        try
        {
            var document = await QueryAsync(new GetDocumentQuery(id), ct);
            await Service<DocumentAudit>().ChangeAsync("document.verwijderen", id.ToString(), async () => await Service<IMediator>().Send(new DeleteDocumentCommand(id), ct));
            Flash($"Document ‘{document.Titel}’ is verwijderd.");
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (ApiProblemException e)
        {
            FlashError(Describe(e.Problem));
        }

        return Redirect(Back + "#dossier");
    }

    private DocumentTarget? Target() =>
        AgendaItemId is { } item && MeetingId is { } itemMeeting ? DocumentTarget.AgendaItem(itemMeeting, item)
        : MeetingId is { } meeting ? DocumentTarget.Meeting(meeting)
        : CaseId is { } caseId ? DocumentTarget.Case(caseId)
        : null;

    /// <summary>Loads what the form needs; 404 when there is nothing (visible) to add to.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        Rules = await QueryAsync(new DossierRulesQuery(), ct);
        try
        {
            if (DocumentId is { } id)
            {
                Existing = await QueryAsync(new GetDocumentQuery(id), ct);
            }
            else if (Target() is { } target)
            {
                // Scoped like the API: another organisation's case is 404 here too.
                await QueryAsync(new ListDocumentsQuery(target), ct);
            }
            else
            {
                return NotFound();
            }
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        return null;
    }

    private static string FieldOf(string property) => property switch
    {
        "bestand" or "bestandsnaam" => "Input.Bestand",
        "informatieobjecttype" => "Input.Informatieobjecttype",
        "titel" => "Input.Titel",
        "vertrouwelijkheidaanduiding" => "Input.Vertrouwelijkheidaanduiding",
        _ => string.Empty,
    };

    public sealed class UploadInput
    {
        public string? Informatieobjecttype { get; set; }

        public string? Titel { get; set; }

        public string? Vertrouwelijkheidaanduiding { get; set; }

        public IFormFile? Bestand { get; set; }

        /// <summary>For a new version: the latest version the form was shown with (the page's If-Match).</summary>
        public int? ExpectedVersion { get; set; }
    }
}
