using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Workflows.Engine;

namespace Casework.Web.Features.Cases;

/// <summary>
/// Every read of a case or its history by a Beheerder or an Auditor leaves a trace in the audit trail (BIO 8.15:
/// who, what, when, result), whether it came through the API or a page. They see every case, so what they looked at
/// is worth knowing; a gemeente or ministry user's read of its own work is not logged. Scoped per request: a page
/// that shows the case twice records it once. Documents are to be read through here too once they exist.
/// </summary>
internal sealed class PrivilegedReads(AccessAuditWriter writer)
{
    public const string Case = "zaak";
    public const string History = "historie";

    private readonly HashSet<(Guid CaseId, string What, string Result)> _recorded = [];

    public static bool Applies(Actor actor) =>
        !actor.IsSystem && (actor.Roles.Contains(Role.Beheerder) || actor.Roles.Contains(Role.Auditor));

    /// <summary>Runs the read and records it with its result (<c>ok</c>, or <c>niet-gevonden</c> for a 404).</summary>
    public async Task<T> TracedAsync<T>(Actor actor, Guid caseId, string what, Func<Task<T>> read, Func<T, string> reference, CancellationToken ct)
    {
        if (!Applies(actor))
        {
            return await read();
        }

        T result;
        try
        {
            result = await read();
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            await RecordAsync(actor, caseId, what, "niet-gevonden", null, ct);
            throw;
        }

        await RecordAsync(actor, caseId, what, "ok", reference(result), ct);
        return result;
    }

    private Task RecordAsync(Actor actor, Guid caseId, string what, string result, string? reference, CancellationToken ct) =>
        _recorded.Add((caseId, what, result))
            ? writer.PrivilegedReadAsync(actor, what, "zaak", caseId.ToString(), result, new { zaak = reference, rollen = actor.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToArray() }, ct)
            : Task.CompletedTask;
}
