using Casework.Domain.Escalation;
using Casework.Domain.Organisations;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>
/// One knelpunt in the register. The register fields (title, law, domain, department, focusgebieden, status, outcome)
/// are open to every signed-in user; the content (<c>omschrijving</c>, <c>voorgesteldeOplossing</c>) and the case itself
/// only to whoever may see the case (<c>contentVisible</c>), as everywhere else.
/// </summary>
public sealed record KnelpuntRegisterRowDto(
    Guid Id,
    string Reference,
    string Title,
    string WetNaam,
    string? WetBwbId,
    string? WetArtikel,
    string? Domein,
    string? DomeinName,
    string? LeadDepartment,
    string? LeadDepartmentName,
    IReadOnlyList<string> Focusgebieden,
    IReadOnlyList<string> FocusgebiedNames,
    string StateLabel,
    bool Closed,
    string? Outcome,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    bool ContentVisible,
    string? Omschrijving,
    string? VoorgesteldeOplossing);

/// <summary>
/// The register of all knelpunten, searched by law (<c>wet</c>: part of its name or its BWB-id), <c>domein</c>,
/// <c>departement</c> (lead department), <c>focusgebied</c> and <c>status</c> (<c>open</c> or <c>gesloten</c>).
/// </summary>
public sealed record SearchKnelpuntenRegisterQuery(string? Wet, string? Domein, string? Departement, string? Focusgebied, string? Status) : IQuery<IReadOnlyList<KnelpuntRegisterRowDto>>;

internal sealed class KnelpuntenRegisterHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<SearchKnelpuntenRegisterQuery, IReadOnlyList<KnelpuntRegisterRowDto>>
{
    public async ValueTask<IReadOnlyList<KnelpuntRegisterRowDto>> Handle(SearchKnelpuntenRegisterQuery query, CancellationToken cancellationToken)
    {
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status.Trim().ToLowerInvariant();
        if (status is not (null or "open" or "gesloten"))
        {
            throw ProgrammeAccess.Invalid("status", "Status is open of gesloten.");
        }

        KnelpuntDomein? domein = null;
        if (!string.IsNullOrWhiteSpace(query.Domein))
        {
            domein = EscalationCaseViews.ParseDomein(query.Domein.Trim())
                ?? throw ProgrammeAccess.Invalid("domein", $"Kies een domein: {string.Join(", ", EscalationCaseViews.DomeinCodes.Values)}.");
        }

        var actor = current.Actor;
        var knelpunten = await db.Set<Knelpunt>().AsNoTracking().ToListAsync(cancellationToken);
        var ids = knelpunten.Select(k => k.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var visible = (await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).VisibleTo(actor).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var areas = await db.Focusgebieden.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, StringComparer.Ordinal, cancellationToken);
        var alliances = await ProgrammeFigures.AlliancesAsync(db, cancellationToken);
        var departments = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Departement).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, cancellationToken);

        var wet = query.Wet?.Trim();
        var departement = query.Departement?.Trim().ToUpperInvariant();
        var focusgebied = query.Focusgebied?.Trim();
        return knelpunten
            .Select(k => (Knelpunt: k, Case: cases[k.CaseId]))
            .Where(x => string.IsNullOrEmpty(wet)
                || x.Knelpunt.Wet.Naam.Contains(wet, StringComparison.OrdinalIgnoreCase)
                || string.Equals(x.Knelpunt.Wet.BwbId, wet, StringComparison.OrdinalIgnoreCase))
            .Where(x => domein is null || x.Knelpunt.Domein == domein)
            .Where(x => string.IsNullOrEmpty(departement) || x.Case.LeadDepartment == departement)
            .Where(x => string.IsNullOrEmpty(focusgebied) || ProgrammeFigures.AreasOf(x.Knelpunt, alliances).Contains(focusgebied))
            .Where(x => status is null || (status == "gesloten") == x.Case.IsClosed)
            .OrderByDescending(x => x.Case.CreatedAt)
            .Select(x =>
            {
                var (k, c) = x;
                var mayRead = visible.Contains(c.Id);
                return new KnelpuntRegisterRowDto(
                    c.Id, c.Reference, c.Title, k.Wet.Naam, k.Wet.BwbId, k.Wet.Artikel,
                    k.Domein is { } d ? EscalationCaseViews.DomeinCodes[d] : null,
                    k.Domein is { } dn ? Pages.Labels.Domein(dn) : null,
                    c.LeadDepartment,
                    c.LeadDepartment is { } lead ? departments.GetValueOrDefault(lead, lead) : null,
                    ProgrammeFigures.AreasOf(k, alliances),
                    ProgrammeFigures.AreasOf(k, alliances).Select(f => areas.GetValueOrDefault(f, f)).ToList(),
                    c.StateLabel,
                    c.IsClosed,
                    c.IsClosed ? ProgrammeFigures.Outcome(c.Resultaat) : null,
                    c.CreatedAt,
                    c.ClosedAt,
                    mayRead,
                    mayRead ? k.Omschrijving : null,
                    mayRead ? k.VoorgesteldeOplossing : null);
            })
            .ToList();
    }
}
