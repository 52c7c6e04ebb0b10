using Casework.Domain.Documents;
using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Documents;

/// <summary>What the dossier section of a page shows: the documents the person may read, and whether they may add.</summary>
public sealed record DossierView(
    DocumentTarget Target,
    string Heading,
    string ReturnUrl,
    IReadOnlyList<DocumentDto> Documents,
    bool MayUpload,
    string? WhyNot,
    bool MayDelete,
    IReadOnlyList<RequiredDocumentView> Required,
    IReadOnlyDictionary<string, string> OrganisationNames)
{
    public string UploadPath => DossierPaths.Upload(Target, ReturnUrl);

    /// <summary>Who made a version, as a person reads it: "Fatima el Idrissi (gemeente Rotterdam)".</summary>
    public string Author(DocumentVersionDto version) =>
        $"{Pages.Labels.Person(version.Auteur)} ({Pages.Labels.Organisation(version.Bronorganisatie, OrganisationNames.GetValueOrDefault(version.Bronorganisatie))})";
}

/// <summary>A document type a round requires at submission, and the documents of that type the application carries.</summary>
public sealed record RequiredDocumentView(string Code, string Label, string Source, IReadOnlyList<string> Present);

public static class DossierPaths
{
    public const string UploadPage = "/dossier/toevoegen";

    public static string Upload(DocumentTarget target, string returnUrl) => UploadPage + "?" + string.Join('&', new[]
    {
        target.CaseId is { } c && target.Kind == DocumentOwnerKind.Zaak ? "zaak=" + c : null,
        target.MeetingId is { } m ? "vergadering=" + m : null,
        target.AgendaItemId is { } i ? "agendapunt=" + i : null,
        "terug=" + Uri.EscapeDataString(returnUrl),
    }.Where(p => p is not null));

    public static string NewVersion(Guid documentId, string returnUrl) => $"{UploadPage}?document={documentId}&terug={Uri.EscapeDataString(returnUrl)}";
}

/// <summary>
/// The dossier section of the case and meeting pages (<c>_Dossier.cshtml</c>), through the same queries as the API:
/// <c>@await Component.InvokeAsync("Dossier", new { target, heading, returnUrl })</c>. A view component, so the pages
/// that show it need one line and no change to their page models.
/// </summary>
public sealed class DossierViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DocumentTarget target, string heading, string returnUrl, IReadOnlyList<RequiredDocumentView>? required = null)
    {
        var mediator = HttpContext.RequestServices.GetRequiredService<IMediator>();
        IReadOnlyList<DocumentDto> documents;
        try
        {
            documents = await mediator.Send(new ListDocumentsQuery(target), HttpContext.RequestAborted);
        }
        catch (ApiProblemException e) when (target.Kind == DocumentOwnerKind.Agendapunt && e.Problem.Status == StatusCodes.Status404NotFound)
        {
            // An agenda item about a case the reader may not see: its papers are not theirs, and the meeting page
            // shows the rest.
            return Content(string.Empty);
        }

        string? whyNot = null;
        try
        {
            await mediator.Send(new EnsureMayUploadQuery(target, null), HttpContext.RequestAborted);
        }
        catch (ApiProblemException e)
        {
            whyNot = e.Problem.Detail;
        }

        // Deleting is for a concept (or a meeting still planned); the command checks again.
        var db = HttpContext.RequestServices.GetRequiredService<Persistence.CaseworkDbContext>();
        var actor = HttpContext.RequestServices.GetRequiredService<Infrastructure.Auth.ICurrentActor>().Actor;
        var deletable = target.Kind switch
        {
            DocumentOwnerKind.Zaak => (await DocumentAccess.LoadCaseAsync(db, target.CaseId!.Value, actor, HttpContext.RequestAborted)).State == DocumentAccess.ConceptState,
            _ => (await DocumentAccess.LoadMeetingAsync(db, target.MeetingId!.Value, HttpContext.RequestAborted)).Status == Domain.Escalation.MeetingStatus.Gepland,
        };
        required ??= target.Kind == DocumentOwnerKind.Zaak ? await RequiredForApplicationAsync(db, target.CaseId!.Value, documents) : [];
        var organisations = documents.SelectMany(d => d.Versies.Select(v => v.Bronorganisatie)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, HttpContext.RequestAborted);
        return View("/Features/Documents/_Dossier.cshtml", new DossierView(target, heading, returnUrl, documents, whyNot is null, whyNot, deletable && whyNot is null, required, names));
    }

    /// <summary>For an application: each bijlage its round requires, with the titles of the documents of that type (the completeness check).</summary>
    private async Task<IReadOnlyList<RequiredDocumentView>> RequiredForApplicationAsync(Persistence.CaseworkDbContext db, Guid caseId, IReadOnlyList<DocumentDto> documents)
    {
        var trancheId = await db.Set<Domain.Funding.FundingApplication>().AsNoTracking().Where(a => a.Id == caseId).Select(a => (Guid?)a.TrancheId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (trancheId is null)
        {
            return [];
        }

        var tranche = await db.Set<Domain.Funding.Tranche>().AsNoTracking().FirstAsync(t => t.Id == trancheId, HttpContext.RequestAborted);
        return (tranche.RuleSet.RequiredDocuments ?? [])
            .Select(r => new RequiredDocumentView(
                r.Informatieobjecttype,
                InformatieobjecttypeCatalogus.Label(r.Informatieobjecttype),
                r.Source,
                documents.Where(d => d.Informatieobjecttype == r.Informatieobjecttype).Select(d => d.Titel).ToList()))
            .ToList();
    }
}
