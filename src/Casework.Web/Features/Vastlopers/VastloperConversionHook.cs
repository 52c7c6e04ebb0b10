using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// What converting a vastloper means for the knelpunt that the action's <c>openLinkedCase</c> effect opened (with an
/// <c>afgeleid-van</c> link), however the action was fired: the knelpunt gets its substance from the vastloper (its
/// description, the focusgebied, the law when given), goes to SBSD triage, and its audit trail records the origin.
/// </summary>
internal sealed class VastloperConversionHook(CaseworkDbContext db, AuditTrail audit, TimeProvider time) : ITransitionHook
{
    public static readonly string[] Actions = ["omzettenInKnelpunt", "boOmzettenInKnelpunt"];
    public const string WetField = "wet";
    public const string BwbIdField = "bwbId";
    public const string ArtikelField = "artikel";

    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (caseFile.CaseType != "vastloper" || !Actions.Contains(transition.ActionId))
        {
            return;
        }

        var vastloper = await db.Set<Vastloper>().FirstAsync(v => v.CaseId == caseFile.Id, ct);
        var link = db.ChangeTracker.Entries<CaseLink>().Select(e => e.Entity).Single(l => l.ToCaseId == caseFile.Id && l.Kind == CaseLink.AfgeleidVan);
        var knelpuntCase = db.ChangeTracker.Entries<CaseFile>().Select(e => e.Entity).Single(c => c.Id == link.FromCaseId);
        var now = time.GetUtcNow();
        knelpuntCase.RouteTo(MeetingBodies.Sbsd, now);
        var wet = Text(input, WetField) is { } naam ? new WetReferentie(naam, Text(input, BwbIdField), Text(input, ArtikelField)) : new WetReferentie("Nog te bepalen bij triage", null, null);
        db.Set<Knelpunt>().Add(Knelpunt.Create(
            knelpuntCase.Id,
            $"{vastloper.Omschrijving}\n\nOmgezet uit vastloper {caseFile.Reference}: {input.Reason}",
            wet,
            null,
            IndienerSoort.Alliantie,
            caseFile.OwningOrganisation,
            [vastloper.FocusgebiedCode],
            null,
            now));
        await audit.AppendAsync(
            AuditTrail.CaseStream(knelpuntCase.Id), actor, "zaak.afgeleid", "zaak", knelpuntCase.Id.ToString(), "ok", null,
            new { afgeleidVan = caseFile.Reference, vastloper = caseFile.Id, doorgezetNaar = MeetingBodies.Sbsd },
            input.Reason, ct);
    }

    private static string? Text(ActionInput input, string field) =>
        input.Data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
}
