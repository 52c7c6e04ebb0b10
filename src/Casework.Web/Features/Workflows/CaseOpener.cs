using System.Globalization;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// Opens a case on the latest version of a definition, which it then keeps for life: the initial status,
/// a human-readable reference, the audit event and the notification are written in the caller's unit of work.
/// </summary>
internal sealed class CaseOpener(CaseworkDbContext db, DefinitionCatalog catalog, TimeProvider time, AuditTrail audit)
{
    public async Task<CaseFile> OpenAsync(string definitionId, string owningOrganisation, string title, Actor actor, CancellationToken ct, IEnumerable<string>? members = null, Guid? id = null, string? routedTo = null)
    {
        var loaded = catalog.FindLatest(definitionId)
            ?? throw new InvalidOperationException($"No workflow definition '{definitionId}' is loaded.");
        var definition = loaded.Definition;
        var initial = definition.FindState(definition.InitialState)!;
        var now = time.GetUtcNow();
        var reference = await NextReferenceAsync(definition.CaseType, now, ct);
        var @case = CaseFile.Open(id ?? Guid.NewGuid(), reference, definition.CaseType, definition.DefinitionId, definition.Version, initial.Id, initial.Label, initial.Order, owningOrganisation, title, now, actor.UserId);
        foreach (var member in members ?? [])
        {
            @case.AddMember(member);
        }

        if (routedTo is not null)
        {
            @case.RouteTo(routedTo, now);
        }

        db.Cases.Add(@case);
        await audit.AppendAsync(
            AuditTrail.CaseStream(@case.Id), actor, "zaak.aangemaakt", "zaak", @case.Id.ToString(), "ok", null,
            new { @case.Reference, @case.CaseType, definitie = $"{definition.DefinitionId} v{definition.Version}", status = initial.Id, organisatie = owningOrganisation, titel = title },
            null, ct);
        db.Outbox.Add(OutboxMessage.Create(Guid.NewGuid(), "zaken", $"/api/v1/cases/{@case.Id}", "zaak", $"/api/v1/cases/{@case.Id}", "create", now, "{}"));
        return @case;
    }

    private async Task<string> NextReferenceAsync(string caseType, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = caseType switch
        {
            "vhf-application" => "VHF",
            "wbi-application" => "WBI",
            "knelpunt" => "KNP",
            "vastloper" => "VST",
            _ => caseType.ToUpperInvariant()[..Math.Min(3, caseType.Length)],
        };
        var key = $"{prefix}-{AmsterdamClock.ToLocalDate(now).Year}";
        var counter = db.ChangeTracker.Entries<CaseReferenceCounter>().Select(e => e.Entity).FirstOrDefault(c => c.Key == key)
            ?? await db.CaseReferenceCounters.FirstOrDefaultAsync(c => c.Key == key, ct);
        if (counter is null)
        {
            counter = new CaseReferenceCounter(key);
            db.CaseReferenceCounters.Add(counter);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{key}-{counter.Take():000000}");
    }
}
