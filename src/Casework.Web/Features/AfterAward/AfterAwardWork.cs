using Casework.Domain.Access;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.AfterAward;

/// <summary>What awaits VRO's judgement after awards: reported milestones, milestones whose term expired, requests for uitstel.</summary>
public sealed record AfterAwardWorkQuery : IQuery<IReadOnlyList<AfterAwardWorkItemDto>>;

/// <summary>What the caller's gemeente must still do after its awards, with the date it is due.</summary>
public sealed record AfterAwardDueQuery : IQuery<IReadOnlyList<AfterAwardWorkItemDto>>;

internal sealed class AfterAwardWorkHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<AfterAwardWorkQuery, IReadOnlyList<AfterAwardWorkItemDto>>
{
    public async ValueTask<IReadOnlyList<AfterAwardWorkItemDto>> Handle(AfterAwardWorkQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        if (actor.Organisation != AfterAwardService.Department || !actor.Roles.Contains(Role.Beoordelaar))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Deze werkvoorraad is voor de beoordelaars van het ministerie van VRO.");
        }

        var milestones = await (from m in db.Set<AwardMilestone>().AsNoTracking()
                                where m.Status == MilestoneStatus.Open || m.Status == MilestoneStatus.Gemeld || m.Status == MilestoneStatus.AanvullingGevraagd
                                join d in db.Deadlines.AsNoTracking() on m.DeadlineId equals d.Id into ds
                                from d in ds.DefaultIfEmpty()
                                where m.Status == MilestoneStatus.Gemeld || (d != null && d.Status == DeadlineStatus.Expired)
                                select new { m.ApplicationId, m.Kind, m.Status, m.ReportedAt, DueDate = d == null ? m.DueDate : d.CurrentDueDate }).ToListAsync(cancellationToken);
        var uitstel = await db.Set<SisaVerantwoording>().AsNoTracking()
            .Where(s => s.Uitstel == UitstelStatus.Aangevraagd)
            .Select(s => new { s.ApplicationId, s.BudgetYear, s.UitstelRequestedOn, s.UitstelDecideBy })
            .ToListAsync(cancellationToken);
        var items = new List<(Guid Id, string What, DateOnly Since)>();
        items.AddRange(milestones.Select(m => m.Status == MilestoneStatus.Gemeld
            ? (m.ApplicationId, $"{MilestoneKinds.Label(m.Kind)} gemeld: beoordelen", AmsterdamClock.ToLocalDate(m.ReportedAt!.Value))
            : (m.ApplicationId, $"{MilestoneKinds.Label(m.Kind)}: termijn verstreken op {NlFormatShort(m.DueDate)}; reden aanvaarden of vaststellen", m.DueDate.AddDays(1))));
        items.AddRange(uitstel.Select(u => (u.ApplicationId, $"Uitstel gevraagd voor de SiSa-verantwoording {u.BudgetYear}: beslissen uiterlijk {NlFormatShort(u.UitstelDecideBy!.Value)}", u.UitstelRequestedOn!.Value)));
        return await AfterAwardWorkRows.ToDtosAsync(db, items, cancellationToken);
    }

    private static string NlFormatShort(DateOnly date) => Pages.NlFormat.Date(date);
}

internal sealed class AfterAwardDueHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<AfterAwardDueQuery, IReadOnlyList<AfterAwardWorkItemDto>>
{
    public async ValueTask<IReadOnlyList<AfterAwardWorkItemDto>> Handle(AfterAwardDueQuery query, CancellationToken cancellationToken)
    {
        var organisation = current.Actor.Organisation;
        var mine = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.OwningOrganisation == organisation).Select(c => c.Id);
        var milestones = await db.Set<AwardMilestone>().AsNoTracking()
            .Where(m => mine.Contains(m.ApplicationId) && (m.Status == MilestoneStatus.Open || m.Status == MilestoneStatus.AanvullingGevraagd))
            .Select(m => new { m.ApplicationId, m.Kind, m.Status, m.DueDate })
            .ToListAsync(cancellationToken);
        var years = await db.Set<SisaVerantwoording>().AsNoTracking()
            .Where(s => mine.Contains(s.ApplicationId) && s.Status == SisaYearStatus.Open)
            .Select(s => new { s.ApplicationId, s.BudgetYear, s.DueDate })
            .ToListAsync(cancellationToken);
        var reclaims = await db.Set<Terugvordering>().AsNoTracking()
            .Where(t => mine.Contains(t.ApplicationId))
            .Select(t => new { t.ApplicationId, t.Amount, t.BetalenUiterlijk })
            .ToListAsync(cancellationToken);
        var items = new List<(Guid Id, string What, DateOnly Since)>();
        items.AddRange(milestones.Select(m => (m.ApplicationId,
            m.Status == MilestoneStatus.AanvullingGevraagd ? $"{MilestoneKinds.Label(m.Kind)}: aanvulling gevraagd, meld opnieuw" : $"{MilestoneKinds.Label(m.Kind)} melden", m.DueDate)));
        items.AddRange(years.Select(y => (y.ApplicationId, $"SiSa-verantwoording over {y.BudgetYear}", y.DueDate)));
        items.AddRange(reclaims.Select(r => (r.ApplicationId, $"Terugbetalen: {AfterAwardLabels.Money(r.Amount.Euros)}", r.BetalenUiterlijk)));
        return await AfterAwardWorkRows.ToDtosAsync(db, items, cancellationToken);
    }
}

internal static class AfterAwardWorkRows
{
    public static async Task<IReadOnlyList<AfterAwardWorkItemDto>> ToDtosAsync(CaseworkDbContext db, List<(Guid Id, string What, DateOnly Since)> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Title, c.OwningOrganisation }).ToDictionaryAsync(c => c.Id, ct);
        var codes = cases.Values.Select(c => c.OwningOrganisation).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        return items
            .Select(i =>
            {
                var c = cases[i.Id];
                return new AfterAwardWorkItemDto(i.Id, c.Reference, c.Title, Pages.Labels.Organisation(c.OwningOrganisation, names.GetValueOrDefault(c.OwningOrganisation)), i.What, i.Since);
            })
            .OrderBy(i => i.Since).ThenBy(i => i.Reference, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>What the work queue and mijn zaken show of the after-award work (<c>_AfterAwardWork.cshtml</c>).</summary>
public sealed record AfterAwardWorkList(string Heading, string Caption, string DateHeading, IReadOnlyList<AfterAwardWorkItemDto> Items)
{
    public static AfterAwardWorkList Empty { get; } = new(string.Empty, string.Empty, string.Empty, []);
}
