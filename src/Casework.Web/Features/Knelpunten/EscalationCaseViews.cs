using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Knelpunten;

/// <summary>The workflow side of a knelpunt or vastloper: where it stands, who holds it, its version (for If-Match).</summary>
public sealed record EscalationCaseDto(
    Guid Id,
    string Reference,
    string Type,
    string Title,
    string State,
    string StateLabel,
    bool Closed,
    string? Resultaat,
    string Organisation,
    string? RoutedTo,
    string? LeadDepartment,
    string? BodyCode,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<EscalationStatusDto> History);

/// <summary>One status in a knelpunt or vastloper's life (ZGW status with volgnummer), as the escalation views show it.</summary>
public sealed record EscalationStatusDto(int Sequence, string State, string Label, string? ActionId, DateTimeOffset At, string Organisation, string? Reason);

/// <summary>
/// A link to another case, seen from this one: <c>direction</c> is <c>uitgaand</c> when this case points at the
/// other (this knelpunt is afgeleid-van that vastloper) and <c>inkomend</c> when the other points here. The other
/// case's history is included when the caller may see that case; otherwise only that a link exists.
/// </summary>
public sealed record CaseLinkDto(string Kind, string Direction, Guid CaseId, string? Reference, string? Type, string? State, DateTimeOffset At, string? Reason, IReadOnlyList<EscalationStatusDto>? History);

internal static class EscalationCaseViews
{
    public static readonly IReadOnlyDictionary<KnelpuntDomein, string> DomeinCodes = new Dictionary<KnelpuntDomein, string>
    {
        [KnelpuntDomein.Onderwijs] = "onderwijs",
        [KnelpuntDomein.Gezondheid] = "gezondheid",
        [KnelpuntDomein.Wonen] = "wonen",
        [KnelpuntDomein.WerkEnInkomen] = "werk-en-inkomen",
        [KnelpuntDomein.Veiligheid] = "veiligheid",
        [KnelpuntDomein.Schulden] = "schulden",
    };

    /// <summary>
    /// The published knelpunt definition v1 offers <c>zorg</c> at triage and cannot change (a published version is
    /// immutable), so that code is read as the programme's gezondheid.
    /// </summary>
    public const string LegacyZorgCode = "zorg";

    public static KnelpuntDomein? ParseDomein(string? code) =>
        code == LegacyZorgCode ? KnelpuntDomein.Gezondheid
        : code is null ? null
        : DomeinCodes.FirstOrDefault(p => p.Value == code) is { Value: not null } hit ? hit.Key : null;

    public static EscalationCaseDto ToDto(CaseFile c) => new(
        c.Id, c.Reference, c.CaseType, c.Title, c.State, c.StateLabel, c.IsClosed, c.Resultaat, c.OwningOrganisation, c.RoutedTo, c.LeadDepartment, c.BodyCode, c.Version, c.CreatedAt, c.UpdatedAt,
        History(c));

    public static IReadOnlyList<EscalationStatusDto> History(CaseFile c) =>
        c.Statuses.OrderBy(s => s.Sequence).Select(s => new EscalationStatusDto(s.Sequence, s.State, s.Label, s.ActionId, s.At, s.ActorOrganisation, s.Reason)).ToList();

    /// <summary>Both directions of every link of the case; the other side's details only when the actor may see it.</summary>
    public static async Task<IReadOnlyList<CaseLinkDto>> LinksAsync(CaseworkDbContext db, Guid caseId, Actor actor, CancellationToken ct)
    {
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.FromCaseId == caseId || l.ToCaseId == caseId).ToListAsync(ct);
        if (links.Count == 0)
        {
            return [];
        }

        var otherIds = links.Select(l => l.FromCaseId == caseId ? l.ToCaseId : l.FromCaseId).Distinct().ToList();
        var visible = await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id)).VisibleTo(actor).ToDictionaryAsync(c => c.Id, ct);
        return links
            .OrderBy(l => l.At)
            .Select(l =>
            {
                var outgoing = l.FromCaseId == caseId;
                var otherId = outgoing ? l.ToCaseId : l.FromCaseId;
                visible.TryGetValue(otherId, out var other);
                return new CaseLinkDto(l.Kind, outgoing ? "uitgaand" : "inkomend", otherId, other?.Reference, other?.CaseType, other?.State, l.At, l.Reason, other is null ? null : History(other));
            })
            .ToList();
    }
}
