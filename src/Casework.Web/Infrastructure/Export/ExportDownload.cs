using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Casework.Web.Infrastructure.Export;

/// <summary>
/// A list as a download, for an API endpoint (<see cref="IResult"/>) and for a page handler (<see cref="IActionResult"/>)
/// alike: the file as an attachment with a safe name (<see cref="TableExport.FileName"/>), its media type, and
/// <c>Cache-Control: no-store</c> (what a download holds depends on who asked).
/// </summary>
public sealed class ExportDownload : IResult, IActionResult
{
    public ExportDownload(ExportTable table, ExportFormat format, string? fileTitle = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Content = TableExport.Write(table, format);
        ContentType = TableExport.ContentType(format);
        FileName = TableExport.FileName(fileTitle ?? table.Title, format);
    }

    private ExportDownload(byte[] content, string contentType, string fileName)
    {
        Content = content;
        ContentType = contentType;
        FileName = fileName;
    }

    /// <summary>A PDF form of a list (e.g. the besluitenlijst), with the same safe file name as its table forms.</summary>
    public static ExportDownload Pdf(byte[] content, string title) =>
        new(content, "application/pdf", Path.ChangeExtension(TableExport.FileName(title, ExportFormat.Csv), ".pdf"));

    public byte[] Content { get; }

    public string ContentType { get; }

    public string FileName { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        await response.Body.WriteAsync(Content, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    /// <summary>The 400 for a <c>formaat</c> that names no download format, as ProblemDetails naming the parameter.</summary>
    public static IActionResult UnknownFormat() => new ProblemResult(TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["formaat"] = ["Kies het formaat van de download: formaat=xlsx (Excel) of formaat=csv."] },
        title: "Onbekend formaat voor de download"));

    /// <summary>A minimal-API result (ProblemDetails) answered from a page handler.</summary>
    private sealed class ProblemResult(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}

/// <summary>
/// The two download links of a list page ("Downloaden als Excel", "Downloaden als CSV"): the page's own address with
/// the same filters, its download handler and <c>formaat=xlsx</c> or <c>formaat=csv</c>; and a note when the list is
/// longer than a download holds. Rendered by <c>Features/Shared/_Downloads.cshtml</c>.
/// </summary>
public sealed record DownloadLinks(string Excel, string Csv, string? Note, string? Caption = null, string? Pdf = null)
{
    public const string Handler = "Download";

    public static DownloadLinks For(string path, IEnumerable<KeyValuePair<string, string?>> filters, int total = 0, string things = "regels")
    {
        var kept = filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        string Link(ExportFormat format)
        {
            var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(kept) { { "handler", Handler }, { "formaat", TableExport.Extension(format) } };
            return path + query.ToQueryString().ToString();
        }

        var note = total > TableExport.MaxRows
            ? string.Create(TableExport.Dutch, $"Een download bevat de eerste {TableExport.MaxRows:N0} van de {total:N0} {things}; verfijn de filters voor de rest.")
            : null;
        return new DownloadLinks(Link(ExportFormat.Excel), Link(ExportFormat.Csv), note);
    }
}
