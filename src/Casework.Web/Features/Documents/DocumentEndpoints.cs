using Casework.Domain.Documents;
using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Casework.Web.Features.Documents;

internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder api)
    {
        var options = api.ServiceProvider.GetRequiredService<DocumentOptions>();
        // The form around the file (its other fields, the part headers) gets 1 MiB besides the file's own limit.
        var uploadLimit = new UploadSizeLimit(options.MaxFileBytes + 1024 * 1024);

        var cases = api.MapGroup("/cases/{caseId:guid}/documents").WithTags("Documenten").RequireAuthorization();
        Upload(cases.MapPost("/", (Guid caseId, HttpContext http, CancellationToken ct) => CreateAsync(http, DocumentTarget.Case(caseId), ct)), uploadLimit)
            .WithName("uploadCaseDocument")
            .WithSummary("Een document aan het dossier van een zaak toevoegen (multipart/form-data: bestand, informatieobjecttype, titel, vertrouwelijkheidaanduiding)");
        List(cases.MapGet("/", (Guid caseId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListDocumentsQuery(DocumentTarget.Case(caseId)), ct)))
            .WithName("listCaseDocuments")
            .WithSummary("De documenten van een zaak die u mag zien");

        var meetings = api.MapGroup("/meetings/{meetingId:guid}").WithTags("Documenten").RequireAuthorization();
        Upload(meetings.MapPost("/documents", (Guid meetingId, HttpContext http, CancellationToken ct) => CreateAsync(http, DocumentTarget.Meeting(meetingId), ct)), uploadLimit)
            .WithName("uploadMeetingDocument")
            .WithSummary("Een vergaderstuk toevoegen (secretariaat van het gremium; multipart/form-data)");
        List(meetings.MapGet("/documents", (Guid meetingId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListDocumentsQuery(DocumentTarget.Meeting(meetingId)), ct)))
            .WithName("listMeetingDocuments")
            .WithSummary("De vergaderstukken die u mag zien");
        Upload(meetings.MapPost("/agenda-items/{itemId:guid}/documents", (Guid meetingId, Guid itemId, HttpContext http, CancellationToken ct) => CreateAsync(http, DocumentTarget.AgendaItem(meetingId, itemId), ct)), uploadLimit)
            .WithName("uploadAgendaItemDocument")
            .WithSummary("Een stuk bij een agendapunt toevoegen (secretariaat van het gremium; multipart/form-data)");
        List(meetings.MapGet("/agenda-items/{itemId:guid}/documents", (Guid meetingId, Guid itemId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListDocumentsQuery(DocumentTarget.AgendaItem(meetingId, itemId)), ct)))
            .WithName("listAgendaItemDocuments")
            .WithSummary("De stukken bij een agendapunt die u mag zien");

        var documents = api.MapGroup("/documents").WithTags("Documenten").RequireAuthorization();
        documents.MapGet("/rules", (IMediator mediator, CancellationToken ct) => mediator.Send(new DossierRulesQuery(), ct))
            .WithName("getDossierRules")
            .WithSummary("Wat u kunt uploaden: de catalogus van documenttypen, de vertrouwelijkheidaanduidingen, de toegestane bestandstypen en de grenzen")
            .Produces<DossierRulesDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        documents.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDocumentQuery(id), ct))
            .WithName("getDocument")
            .WithSummary("Een document met al zijn versies")
            .Produces<DocumentDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        Upload(documents.MapPost("/{id:guid}/versions", async (Guid id, HttpContext http, IMediator mediator, DocumentOptions o, DocumentAudit audit, CancellationToken ct) =>
                await audit.ChangeAsync("document.nieuwe-versie", id.ToString(), async () =>
                {
                    await mediator.Send(new EnsureMayUploadQuery(null, id), ct);
                    // The version the caller replaces, checked before the body is read.
                    var expected = IfMatch.Required(http.Request.Headers.IfMatch, "het document (zijn laatste versie)");
                    await using var form = await MultipartUpload.ReadAsync(http.Request, o, ct);
                    var dto = await mediator.Send(new AddDocumentVersionCommand(id, form.File, expected), ct);
                    return Results.Created(dto.Url, dto);
                })), uploadLimit)
            .WithName("addDocumentVersion")
            .WithSummary("Een nieuwe versie van een document uploaden (multipart/form-data: bestand, If-Match: de laatste versie); de vorige versies blijven leesbaar")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        documents.MapGet("/{id:guid}/content", async (Guid id, [FromQuery(Name = "versie")] int? versie, IMediator mediator, DocumentAudit audit, CancellationToken ct) =>
            {
                var version = await audit.DownloadAsync(id, versie, async () => await mediator.Send(new DocumentContentQuery(id, versie), ct), v => new { versie = v.Version, sha256 = v.Sha256, omvang = v.Size }, ct);
                return new DocumentContentResult(version);
            })
            .WithName("downloadDocument")
            .WithSummary("De inhoud van een document downloaden (de laatste versie, of ?versie=n); altijd als bijlage, met het opgeslagen bestandstype")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        documents.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, DocumentAudit audit, CancellationToken ct) =>
                await audit.ChangeAsync("document.verwijderen", id.ToString(), async () =>
                {
                    await mediator.Send(new DeleteDocumentCommand(id), ct);
                    return Results.NoContent();
                }))
            .WithName("deleteDocument")
            .WithSummary("Een document verwijderen; alleen zolang de zaak een concept is (of de vergadering nog gepland)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DocumentTarget target, CancellationToken ct)
    {
        var services = http.RequestServices;
        var audit = services.GetRequiredService<DocumentAudit>();
        var objectId = (target.AgendaItemId ?? target.CaseId ?? target.MeetingId)!.Value.ToString();
        var mediator = services.GetRequiredService<IMediator>();
        return await audit.ChangeAsync("document.toevoegen", objectId, async () =>
        {
            await mediator.Send(new EnsureMayUploadQuery(target, null), ct);
            await using var form = await MultipartUpload.ReadAsync(http.Request, services.GetRequiredService<DocumentOptions>(), ct);
            var dto = await mediator.Send(
                new CreateDocumentCommand(target, form.Field("titel"), form.Field("informatieobjecttype"), form.Field("vertrouwelijkheidaanduiding"), form.File), ct);
            return Results.Created(dto.Url, dto);
        });
    }

    private static RouteHandlerBuilder Upload(RouteHandlerBuilder builder, UploadSizeLimit limit) => builder
        .WithMetadata(limit)
        // Described, not enforced by routing (Accepts would answer a wrong content type with 415 before the caller's
        // access is known); the endpoint itself refuses anything but multipart/form-data.
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = UploadBody;
            return Task.CompletedTask;
        })
        .Produces<DocumentDto>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The parts of an upload form, for the OpenAPI document (the endpoint reads them as a stream).</summary>
    private static readonly Microsoft.OpenApi.OpenApiRequestBody UploadBody = new()
    {
        Required = true,
        Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.Object,
                    Required = new HashSet<string> { MultipartUpload.FilePart },
                    Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                    {
                        [MultipartUpload.FilePart] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary", Description = "Het bestand (PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, CSV of platte tekst); het type wordt aan de inhoud herkend" },
                        ["informatieobjecttype"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Description = "Code uit de catalogus (GET /documents/rules); alleen bij een nieuw document" },
                        ["titel"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = 200, Description = "Titel; standaard de bestandsnaam zonder extensie" },
                        ["vertrouwelijkheidaanduiding"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Description = "ZGW-waarde (openbaar ... zeer_geheim); standaard die van het documenttype" },
                    },
                },
            },
        },
    };

    private static RouteHandlerBuilder List(RouteHandlerBuilder builder) => builder
        .Produces<IReadOnlyList<DocumentDto>>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>The request body an upload endpoint accepts; the API's 1 MiB JSON limit does not apply there (see UseApiRequestBodyLimit).</summary>
internal sealed class UploadSizeLimit(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => maxBytes;
}


/// <summary>
/// A download: streamed from the store, always as an attachment with a safe file name, the stored media type,
/// <c>X-Content-Type-Options: nosniff</c> and the API's CSP (<c>default-src 'none'</c>, set for every /api response), so that no document is ever shown inline as a page.
/// </summary>
internal sealed class DocumentContentResult(DocumentVersion version) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = version.Format.StartsWith("text/", StringComparison.Ordinal) ? version.Format + "; charset=utf-8" : version.Format;
        response.ContentLength = version.Size;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(version.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ETag = $"\"{version.Sha256}\"";
        response.Headers["Repr-Digest"] = "sha-256=:" + Convert.ToBase64String(Convert.FromHexString(version.Sha256)) + ":";
        var db = services.GetRequiredService<Persistence.CaseworkDbContext>();
        var store = services.GetRequiredService<IDocumentContentStore>();
        if (!await store.CopyToAsync(db, version.Sha256, response.Body, httpContext.RequestAborted))
        {
            throw new InvalidOperationException($"The content {version.Sha256} of document {version.DocumentId} version {version.Version} is missing from the store.");
        }
    }
}
