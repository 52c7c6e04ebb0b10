using System.Text.Json;
using Casework.Web.Persistence;
using Casework.Workflows.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows.Guards;

/// <summary>The input field <c>duplicaatVan</c> names another, open case of the same type (by id or reference).</summary>
internal sealed class DuplicaatBestaatGuard(CaseworkDbContext db) : IWorkflowGuard
{
    public const string Field = "duplicaatVan";

    public string Name => "duplicaatBestaat";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var value = invocation.Input.Data.TryGetValue(Field, out var raw) && raw.ValueKind == JsonValueKind.String ? raw.GetString() : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return GuardOutcome.Fail("DUPLICAAT-ONBEKEND", "Geef in 'duplicaatVan' de zaak op waarvan dit een dubbele is.");
        }

        var byId = Guid.TryParse(value, out var id);
        var other = await db.Cases.AsNoTracking()
            .Where(c => byId ? c.Id == id : c.Reference == value)
            .Select(c => new { c.Id, c.CaseType, c.IsClosed })
            .FirstOrDefaultAsync(ct);
        if (other is null || other.Id == invocation.Case.CaseId || other.CaseType != invocation.Case.CaseType)
        {
            return GuardOutcome.Fail("DUPLICAAT-ONBEKEND", $"'{value}' is geen andere zaak van hetzelfde type.");
        }

        return other.IsClosed
            ? GuardOutcome.Fail("DUPLICAAT-GESLOTEN", $"Zaak '{value}' is al gesloten; voeg samen met een open zaak.")
            : GuardOutcome.Pass;
    }
}
