using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Documents;

/// <summary>
/// The audit of the dossier outside a command's own transaction (docs/design.md, "Audit"): every download, with its
/// version and result, in the reader's stream (<c>read:{user}</c>); every refused upload, new version or deletion, in
/// the refusals stream of the caller's organisation (<c>access:{organisation}</c>). A successful upload, version or
/// deletion is written by its command, in the stream of what holds the document, in the same transaction.
/// Each event here is a unit of work of its own (<see cref="AuditWriter"/>), so it survives the refusal's rollback.
/// </summary>
internal sealed class DocumentAudit(AuditWriter writer, ICurrentActor current)
{
    /// <summary>Runs a download's read and records it (ok, niet-gevonden, geweigerd); throws when the trace cannot be written.</summary>
    public async Task<T> DownloadAsync<T>(Guid documentId, int? version, Func<Task<T>> read, Func<T, object> values, CancellationToken ct)
    {
        var actor = current.Actor;
        T result;
        try
        {
            result = await read();
        }
        catch (Exception e) when (ProblemMapper.ToProblem(e) is { } problem)
        {
            await writer.AppendAsync(AccessAuditWriter.ReadStream(actor.UserId), actor, "document.gedownload", "document", documentId.ToString(), ResultOf(problem.Status), null, new { versie = version, status = problem.Status }, problem.Detail, ct);
            throw;
        }

        await writer.AppendAsync(AccessAuditWriter.ReadStream(actor.UserId), actor, "document.gedownload", "document", documentId.ToString(), "ok", null, values(result), null, ct);
        return result;
    }

    /// <summary>Runs an upload, a new version or a deletion and records a refusal; success is the command's own event.</summary>
    public async Task<T> ChangeAsync<T>(string action, string objectId, Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (Exception e) when (ProblemMapper.ToProblem(e) is { } problem)
        {
            var actor = current.Actor;
            await writer.AppendAsync(AccessAuditWriter.AccessStream(actor.Organisation), actor, action, "document", objectId, ResultOf(problem.Status), null, new { status = problem.Status, code = problem.Extensions.TryGetValue("code", out var code) ? code : null }, Truncate(problem.Detail), CancellationToken.None);
            throw;
        }
    }

    /// <summary>A refusal the page showed as a form error (it caught the exception itself).</summary>
    public Task RefusedAsync(string action, string objectId, int status, string? detail)
    {
        var actor = current.Actor;
        return writer.AppendAsync(AccessAuditWriter.AccessStream(actor.Organisation), actor, action, "document", objectId, ResultOf(status), null, new { status }, Truncate(detail), CancellationToken.None);
    }

    private static string ResultOf(int? status) => status == StatusCodes.Status404NotFound ? "niet-gevonden" : "geweigerd";

    private static string? Truncate(string? detail) => detail is { Length: > 4000 } ? detail[..4000] : detail;
}
