using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Web.Features.Workflows.Guards;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// What the knelpunt workflow's actions mean for the knelpunt's own records, however the action is fired:
/// <c>samenvoegen</c> links the case to the one named in <c>duplicaatVan</c> (a <c>duplicaat-van</c> link, with
/// the reason), and <c>triageAfronden</c> records the chosen <c>domein</c> on the knelpunt.
/// </summary>
internal sealed class KnelpuntTransitionHook(CaseworkDbContext db, TimeProvider time) : ITransitionHook
{
    public const string CaseType = "knelpunt";
    public const string MergeAction = "samenvoegen";
    public const string TriageAction = "triageAfronden";
    public const string DomeinField = "domein";

    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (caseFile.CaseType != CaseType)
        {
            return;
        }

        switch (transition.ActionId)
        {
            case MergeAction when Text(input, DuplicaatBestaatGuard.Field) is { } duplicate:
                // The duplicaatBestaat guard has already checked that it names another open knelpunt (by id or reference).
                var byId = Guid.TryParse(duplicate, out var id);
                var target = await db.Cases.AsNoTracking().Where(c => byId ? c.Id == id : c.Reference == duplicate).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
                    ?? throw new InvalidOperationException($"The duplicaatBestaat guard passed for '{duplicate}', which no longer exists.");
                db.CaseLinks.Add(new CaseLink(caseFile.Id, target, CaseLink.DuplicaatVan, time.GetUtcNow(), input.Reason));
                break;

            case TriageAction when EscalationCaseViews.ParseDomein(Text(input, DomeinField)) is { } domein:
                var knelpunt = await db.Set<Knelpunt>().FirstOrDefaultAsync(k => k.CaseId == caseFile.Id, ct);
                knelpunt?.Classify(domein);
                break;
        }
    }

    private static string? Text(ActionInput input, string field) =>
        input.Data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
