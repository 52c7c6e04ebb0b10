using Casework.Domain.Documents;
using Casework.Domain.Escalation;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Documents;

/// <summary>The documents on a case, a meeting or an agenda item that the caller may read, newest first.</summary>
public sealed record ListDocumentsQuery(DocumentTarget Target) : IQuery<IReadOnlyList<DocumentDto>>;

public sealed record GetDocumentQuery(Guid Id) : IQuery<DocumentDto>;

/// <summary>Which version to download (null: the latest); the answer says where its content is.</summary>
public sealed record DocumentContentQuery(Guid Id, int? Versie) : IQuery<DocumentVersion>;

public sealed record DossierRulesQuery : IQuery<DossierRulesDto>;

internal sealed class DocumentQueryHandlers(CaseworkDbContext db, ICurrentActor current, DocumentOptions options) :
    IQueryHandler<ListDocumentsQuery, IReadOnlyList<DocumentDto>>,
    IQueryHandler<GetDocumentQuery, DocumentDto>,
    IQueryHandler<DocumentContentQuery, DocumentVersion>,
    IQueryHandler<DossierRulesQuery, DossierRulesDto>
{
    public async ValueTask<IReadOnlyList<DocumentDto>> Handle(ListDocumentsQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var target = query.Target;
        CaseScope? scope = null;
        Meeting? meeting = null;
        IQueryable<Document> documents = db.Set<Document>().AsNoTracking().Include(d => d.Versions);
        switch (target.Kind)
        {
            case DocumentOwnerKind.Zaak:
                scope = await DocumentAccess.LoadCaseAsync(db, target.CaseId!.Value, actor, cancellationToken);
                documents = documents.Where(d => d.CaseId == scope.Id && d.OwnerKind == DocumentOwnerKind.Zaak);
                break;
            case DocumentOwnerKind.Vergadering:
                meeting = await DocumentAccess.LoadMeetingAsync(db, target.MeetingId!.Value, cancellationToken);
                documents = documents.Where(d => d.MeetingId == meeting.Id && d.OwnerKind == DocumentOwnerKind.Vergadering);
                break;
            default:
                meeting = await DocumentAccess.LoadMeetingAsync(db, target.MeetingId!.Value, cancellationToken);
                var item = meeting.Items.FirstOrDefault(i => i.Id == target.AgendaItemId) ?? throw ApiProblemException.NotFound("Het agendapunt");
                scope = await WhenVisible(() => DocumentAccess.LoadCaseAsync(db, item.CaseId, actor, cancellationToken), "Het agendapunt");
                documents = documents.Where(d => d.AgendaItemId == item.Id);
                break;
        }

        var rows = await documents.ToListAsync(cancellationToken);
        return rows.Where(d => DocumentAccess.MayRead(actor, d, scope, meeting?.BodyCode))
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Title, StringComparer.Ordinal)
            .Select(DocumentMapping.ToDto).ToList();
    }

    public async ValueTask<DocumentDto> Handle(GetDocumentQuery query, CancellationToken cancellationToken) =>
        DocumentMapping.ToDto(await LoadReadableAsync(query.Id, cancellationToken));

    public async ValueTask<DocumentVersion> Handle(DocumentContentQuery query, CancellationToken cancellationToken)
    {
        var document = await LoadReadableAsync(query.Id, cancellationToken);
        return document.VersionOf(query.Versie) ?? throw ApiProblemException.NotFound($"Versie {query.Versie} van het document");
    }

    public ValueTask<DossierRulesDto> Handle(DossierRulesQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(new DossierRulesDto(
        InformatieobjecttypeCatalogus.All.Select(t => new InformatieobjecttypeDto(t.Code, t.Label, t.DefaultVertrouwelijkheid.ToZgw())).ToList(),
        Vertrouwelijkheid.All.Select(v => v.ToZgw()).ToList(),
        ContentSniffer.Allowed.Select(a => a.MediaType).ToList(),
        options.MaxFileBytes,
        options.MaxDocumentsPerCase));

    private async Task<Document> LoadReadableAsync(Guid id, CancellationToken ct)
    {
        var actor = current.Actor;
        var document = await db.Set<Document>().AsNoTracking().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw ApiProblemException.NotFound("Het document");
        var scope = document.CaseId is { } caseId ? await WhenVisible(() => DocumentAccess.LoadCaseAsync(db, caseId, actor, ct), "Het document") : null;
        var meeting = document.MeetingId is { } meetingId ? await DocumentAccess.LoadMeetingAsync(db, meetingId, ct) : null;
        return DocumentAccess.MayRead(actor, document, scope, meeting?.BodyCode) ? document : throw ApiProblemException.NotFound("Het document");
    }

    /// <summary>A case the caller may not see hides what hangs on it: the same 404 as for something that does not exist.</summary>
    private static async Task<CaseScope> WhenVisible(Func<Task<CaseScope>> load, string what)
    {
        try
        {
            return await load();
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            throw ApiProblemException.NotFound(what);
        }
    }
}
