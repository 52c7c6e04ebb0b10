using Casework.Domain.Common;
using Casework.Domain.Documents;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Documents;

/// <summary>What a new document goes on: a case, a meeting, or an agenda item of a meeting.</summary>
public sealed record DocumentTarget(DocumentOwnerKind Kind, Guid? CaseId, Guid? MeetingId, Guid? AgendaItemId)
{
    public static DocumentTarget Case(Guid caseId) => new(DocumentOwnerKind.Zaak, caseId, null, null);

    public static DocumentTarget Meeting(Guid meetingId) => new(DocumentOwnerKind.Vergadering, null, meetingId, null);

    public static DocumentTarget AgendaItem(Guid meetingId, Guid itemId) => new(DocumentOwnerKind.Agendapunt, null, meetingId, itemId);
}

/// <summary>Add a document with its first version (<c>POST .../documents</c>, multipart/form-data).</summary>
internal sealed record CreateDocumentCommand(DocumentTarget Target, string? Titel, string? Informatieobjecttype, string? Vertrouwelijkheidaanduiding, StagedUpload? File) : ICommand<DocumentDto>;

/// <summary>Supersede a document with a new version (<c>POST /documents/{id}/versions</c>); the older versions stay readable.</summary>
/// <summary>A new version of a document; <paramref name="ExpectedVersion"/> is the latest version the caller saw (If-Match), so two people replacing the same document at once do not silently supersede each other.</summary>
internal sealed record AddDocumentVersionCommand(Guid DocumentId, StagedUpload? File, int ExpectedVersion) : ICommand<DocumentDto>;

/// <summary>
/// Before an upload's body is read: may the caller add to this target (or a version to this document) at all? So a
/// refusal (404, 403, 409) comes before a 25 MiB upload, not after it. The command checks again in its transaction.
/// </summary>
internal sealed record EnsureMayUploadQuery(DocumentTarget? Target, Guid? DocumentId) : IQuery<Unit>;

/// <summary>Delete a document with all its versions: only while its case is a concept (or its meeting is still planned).</summary>
public sealed record DeleteDocumentCommand(Guid DocumentId) : ICommand<Unit>;

internal static class UploadRules
{
    /// <summary>The file: present, not empty, a proper name (400 naming the rule).</summary>
    public static void File<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, StagedUpload?>> file)
    {
        validator.RuleFor(file).NotNull().WithName(MultipartUpload.FilePart).OverridePropertyName(MultipartUpload.FilePart).WithMessage("Stuur het bestand in het deel 'bestand' van het formulier.");
        validator.RuleFor(file).Must(f => f is null || f.Size > 0).OverridePropertyName(MultipartUpload.FilePart).WithMessage("Het bestand is leeg (regel DOCUMENT-LEEG).");
        validator.RuleFor(file).Must(f => f is null || FileNameRules.Problem(f.FileName) is null).OverridePropertyName("bestandsnaam")
            .WithMessage((_, f) => FileNameRules.Problem(f!.FileName) ?? string.Empty);
    }

    /// <summary>The content must be one of the allowed types, and agree with the name's extension when that names one (415).</summary>
    public static void EnsureAllowedContent(StagedUpload file)
    {
        if (file.Format is null)
        {
            throw ApiProblemException.Of(
                ProblemTypes.UnsupportedMediaType,
                $"De inhoud van '{file.FileName}' is geen toegestaan bestandstype; toegestaan zijn {ContentSniffer.AllowedList}. Het type wordt aan de inhoud herkend, niet aan de naam (regel DOCUMENT-TYPE; ontwerpkeuze).",
                new Dictionary<string, object?> { ["rule"] = "DOCUMENT-TYPE" });
        }

        var named = ContentSniffer.TypeOfExtension(file.FileName);
        if (named is null)
        {
            // A name without one of the allowed extensions (page.html, setup.exe) would be opened by the wrong program on
            // the reader's machine, whatever its content.
            throw ApiProblemException.Of(
                ProblemTypes.UnsupportedMediaType,
                $"De naam '{file.FileName}' eindigt niet op de extensie van een toegestaan bestandstype ({string.Join(", ", ContentSniffer.Allowed.SelectMany(a => a.Extensions))}) (regel DOCUMENT-TYPE; ontwerpkeuze).",
                new Dictionary<string, object?> { ["rule"] = "DOCUMENT-TYPE" });
        }

        if (named != file.Format && !(named == ContentSniffer.Csv && file.Format == ContentSniffer.Text))
        {
            throw ApiProblemException.Of(
                ProblemTypes.UnsupportedMediaType,
                $"De naam '{file.FileName}' wijst op een {ContentSniffer.LabelOf(named)}, maar de inhoud is een {ContentSniffer.LabelOf(file.Format)} (regel DOCUMENT-TYPE; ontwerpkeuze).",
                new Dictionary<string, object?> { ["rule"] = "DOCUMENT-TYPE" });
        }
    }

    public static DocumentContentFacts Facts(StagedUpload file) => new(file.FileName, file.Format!, file.Size, file.Sha256);
}

internal sealed class CreateDocumentValidator : AbstractValidator<CreateDocumentCommand>
{
    public CreateDocumentValidator()
    {
        UploadRules.File(this, c => c.File);
        RuleFor(c => c.Titel).MaximumLength(200).OverridePropertyName("titel");
        RuleFor(c => c.Informatieobjecttype).NotEmpty().WithMessage("Kies het soort document (informatieobjecttype).")
            .Must(t => InformatieobjecttypeCatalogus.Find(t) is not null).When(c => !string.IsNullOrEmpty(c.Informatieobjecttype))
            .WithMessage(c => $"'{c.Informatieobjecttype}' staat niet in de catalogus; kies een van: {string.Join(", ", InformatieobjecttypeCatalogus.All.Select(t => t.Code))}.")
            .OverridePropertyName("informatieobjecttype");
        RuleFor(c => c.Vertrouwelijkheidaanduiding).Must(v => Vertrouwelijkheid.FromZgw(v) is not null).When(c => c.Vertrouwelijkheidaanduiding is not null)
            .WithMessage($"Kies een vertrouwelijkheidaanduiding van ZGW: {string.Join(", ", Vertrouwelijkheid.All.Select(v => v.ToZgw()))}.")
            .OverridePropertyName("vertrouwelijkheidaanduiding");
    }
}

internal sealed class AddDocumentVersionValidator : AbstractValidator<AddDocumentVersionCommand>
{
    public AddDocumentVersionValidator() => UploadRules.File(this, c => c.File);
}

internal sealed class DocumentCommandHandlers(CaseworkDbContext db, ICurrentActor current, IDocumentContentStore store, AuditTrail audit, DocumentOptions options, TimeProvider time) :
    IQueryHandler<EnsureMayUploadQuery, Unit>,
    ICommandHandler<CreateDocumentCommand, DocumentDto>,
    ICommandHandler<AddDocumentVersionCommand, DocumentDto>,
    ICommandHandler<DeleteDocumentCommand, Unit>
{
    public async ValueTask<Unit> Handle(EnsureMayUploadQuery query, CancellationToken cancellationToken)
    {
        CaseAccess.EnsureMayWrite(current.Actor);
        if (query.Target is { } target)
        {
            await EnsureMayAddAsync(target, cancellationToken);
        }
        else
        {
            await EnsureMayAddVersionAsync(query.DocumentId!.Value, cancellationToken);
        }

        return Unit.Value;
    }

    public async ValueTask<DocumentDto> Handle(CreateDocumentCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var target = command.Target;
        var (caseId, scope) = await EnsureMayAddAsync(target, cancellationToken);
        var file = command.File!;
        UploadRules.EnsureAllowedContent(file);
        if (target.Kind == DocumentOwnerKind.Zaak)
        {
            var count = await db.Set<Document>().CountAsync(d => d.CaseId == caseId && d.OwnerKind == DocumentOwnerKind.Zaak, cancellationToken);
            if (count >= options.MaxDocumentsPerCase)
            {
                throw new BusinessRuleViolationException(new BrokenRule(
                    "DOSSIER-VOL", $"Zaak {scope!.Reference} heeft al {count} documenten, het maximum per zaak; voeg een nieuwe versie toe aan een bestaand document.", "Ontwerpkeuze: grens per zaak, instelbaar als Documents:MaxDocumentsPerCase"));
            }
        }

        var type = InformatieobjecttypeCatalogus.Find(command.Informatieobjecttype)!;
        var vertrouwelijkheid = Vertrouwelijkheid.FromZgw(command.Vertrouwelijkheidaanduiding) ?? type.DefaultVertrouwelijkheid;
        var title = string.IsNullOrWhiteSpace(command.Titel) ? Path.GetFileNameWithoutExtension(file.FileName) : command.Titel;
        var now = time.GetUtcNow();
        await store.PutAsync(db, file.Sha256, file.Size, file.OpenRead, cancellationToken);
        var document = Document.Create(Guid.NewGuid(), target.Kind, caseId, target.MeetingId, target.AgendaItemId, title, type.Code, vertrouwelijkheid, actor.Organisation, actor.UserId, now, UploadRules.Facts(file));
        db.Set<Document>().Add(document);
        await AppendAsync(document, "document.toegevoegd", null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DocumentMapping.ToDto(document);
    }

    /// <summary>The case the new document hangs on (its own, or the agenda item's), if the caller may add to the target.</summary>
    private async Task<(Guid? CaseId, CaseScope? Scope)> EnsureMayAddAsync(DocumentTarget target, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        Guid? caseId = target.CaseId;
        CaseScope? scope = null;
        switch (target.Kind)
        {
            case DocumentOwnerKind.Zaak:
                scope = await DocumentAccess.LoadCaseAsync(db, target.CaseId!.Value, actor, cancellationToken);
                DocumentAccess.EnsureMayWriteToCase(actor, scope);
                break;
            default:
                var meeting = await DocumentAccess.LoadMeetingAsync(db, target.MeetingId!.Value, cancellationToken);
                if (target.Kind == DocumentOwnerKind.Agendapunt)
                {
                    var item = meeting.Items.FirstOrDefault(i => i.Id == target.AgendaItemId) ?? throw ApiProblemException.NotFound("Het agendapunt");
                    scope = await DocumentAccess.LoadCaseAsync(db, item.CaseId, actor, cancellationToken);
                    caseId = item.CaseId;
                }

                DocumentAccess.EnsureMayWriteToMeeting(actor, meeting);
                break;
        }

        return (caseId, scope);
    }

    public async ValueTask<DocumentDto> Handle(AddDocumentVersionCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var document = await EnsureMayAddVersionAsync(command.DocumentId, cancellationToken);
        if (document.LatestVersion != command.ExpectedVersion)
        {
            throw ApiProblemException.Of(
                ProblemTypes.ConcurrencyConflict,
                $"Het document heeft intussen een nieuwe versie (versie {document.LatestVersion}, u stuurde {command.ExpectedVersion}). Bekijk die eerst en probeer het dan opnieuw.",
                new Dictionary<string, object?> { ["currentVersion"] = document.LatestVersion, ["expectedVersion"] = command.ExpectedVersion });
        }

        var file = command.File!;
        UploadRules.EnsureAllowedContent(file);
        var previous = document.Latest;
        await store.PutAsync(db, file.Sha256, file.Size, file.OpenRead, cancellationToken);
        document.AddVersion(UploadRules.Facts(file), actor.Organisation, actor.UserId, time.GetUtcNow());
        await AppendAsync(document, "document.nieuwe-versie", new { versie = previous.Version, bestandsnaam = previous.FileName, sha256 = previous.Sha256 }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return DocumentMapping.ToDto(document);
    }

    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (document, scope, meeting) = await LoadReadableAsync(command.DocumentId, cancellationToken);
        if (document.OwnerKind == DocumentOwnerKind.Zaak)
        {
            DocumentAccess.EnsureMayWriteToCase(actor, scope!);
            if (scope!.State != DocumentAccess.ConceptState)
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, $"Zaak {scope.Reference} is geen concept meer; een document blijft dan bewaard en kan alleen door een nieuwe versie worden vervangen (regel DOSSIER-VERWIJDEREN-ALLEEN-CONCEPT; Archiefwet 1995 art. 3).");
            }
        }
        else
        {
            DocumentAccess.EnsureMayWriteToMeeting(actor, meeting!);
            if (meeting!.Status != MeetingStatus.Gepland)
            {
                throw ApiProblemException.Of(ProblemTypes.Conflict, "De vergadering is gesloten; een vergaderstuk blijft dan bewaard en kan alleen door een nieuwe versie worden vervangen (regel DOSSIER-VERWIJDEREN-ALLEEN-CONCEPT; Archiefwet 1995 art. 3).");
            }
        }

        EnsureNotDefinitief(document);
        var hashes = document.Versions.Select(v => v.Sha256).Distinct().ToList();
        await AppendAsync(document, "document.verwijderd", new { versies = document.Versions.Select(v => new { versie = v.Version, bestandsnaam = v.FileName, sha256 = v.Sha256 }) }, cancellationToken);
        db.Set<Document>().Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var hash in hashes)
        {
            await store.DeleteIfUnusedAsync(db, hash, cancellationToken);
        }

        return Unit.Value;
    }

    private async Task<Document> EnsureMayAddVersionAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var (document, scope, meeting) = await LoadReadableAsync(documentId, cancellationToken);
        if (document.OwnerKind == DocumentOwnerKind.Zaak)
        {
            DocumentAccess.EnsureMayWriteToCase(actor, scope!);
        }
        else
        {
            DocumentAccess.EnsureMayWriteToMeeting(actor, meeting!);
        }

        EnsureNotDefinitief(document);
        return document;
    }

    /// <summary>A sent letter stays as it was sent: no new version, no removal (before anything is stored).</summary>
    private static void EnsureNotDefinitief(Document document)
    {
        if (document.IsDefinitief)
        {
            throw new BusinessRuleViolationException([Document.DefinitiefRule(document.Title)]);
        }
    }

    /// <summary>The document with what holds it, tracked, if the actor may read it; else 404.</summary>
    private async Task<(Document Document, CaseScope? Case, Meeting? Meeting)> LoadReadableAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Actor;
        var document = await db.Set<Document>().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw ApiProblemException.NotFound("Het document");
        try
        {
            var scope = document.CaseId is { } caseId ? await DocumentAccess.LoadCaseAsync(db, caseId, actor, ct) : null;
            var meeting = document.MeetingId is { } meetingId ? await DocumentAccess.LoadMeetingAsync(db, meetingId, ct) : null;
            if (!DocumentAccess.MayRead(actor, document, scope, meeting?.BodyCode))
            {
                throw ApiProblemException.NotFound("Het document");
            }

            return (document, scope, meeting);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            throw ApiProblemException.NotFound("Het document");
        }
    }

    private Task<Casework.Domain.Cases.AuditEvent> AppendAsync(Document document, string action, object? oldValues, CancellationToken ct)
    {
        var latest = document.Latest;
        return audit.AppendAsync(
            DocumentAccess.StreamOf(document), current.Actor, action, "document", document.Id.ToString(), "ok", oldValues,
            new { titel = document.Title, informatieobjecttype = document.Informatieobjecttype, vertrouwelijkheidaanduiding = document.Vertrouwelijkheidaanduiding.ToZgw(), versie = latest.Version, bestandsnaam = latest.FileName, formaat = latest.Format, omvang = latest.Size, sha256 = latest.Sha256 },
            null, ct);
    }
}
