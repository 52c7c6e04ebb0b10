using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

/// <summary>What the case lists (my cases, the work queue) share: the page size, "due soon", and the paging itself.</summary>
internal static class CaseLists
{
    public const int PageSize = 25;

    public const int DueSoonDays = 7;

    /// <summary>"Due within working days" of the werkvoorraad and the start page: five working days of the legal clock.</summary>
    public const int DueSoonWorkingDays = 5;

    /// <summary>
    /// One page of <paramref name="cases"/>, the nearest running deadline first, with the counts of the whole selection
    /// and per case what is expected (of the gemeente when <paramref name="forApplicant"/>, else who acts).
    /// <paramref name="pageSize"/> is <see cref="PageSize"/> for a page; a download asks for one page of up to
    /// <see cref="Infrastructure.Export.TableExport.MaxRows"/>.
    /// </summary>
    public static async Task<CaseListPage> PageAsync(
        CaseworkDbContext db, DefinitionCatalog catalog, TimeProvider time, IQueryable<CaseFile> cases, int page, Actor actor, bool forApplicant, CancellationToken ct, int pageSize = PageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, Infrastructure.Export.TableExport.MaxRows);
        var today = AmsterdamClock.Today(time);
        var soon = today.AddDays(DueSoonDays);
        var running = db.Deadlines.Where(d => d.Status == DeadlineStatus.Running);
        var projected = cases.Select(c => new
        {
            c.Id,
            c.Reference,
            c.CaseType,
            c.DefinitionId,
            c.DefinitionVersion,
            c.Title,
            c.State,
            c.StateLabel,
            c.IsClosed,
            c.OwningOrganisation,
            c.RoutedTo,
            c.BodyCode,
            c.Behandelaar,
            c.BehandelaarName,
            NextDue = running.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).Select(d => (DateOnly?)d.CurrentDueDate).FirstOrDefault(),
            NextKind = running.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).Select(d => d.KindId).FirstOrDefault(),
            Overdue = db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))),
            DueSoon = running.Any(d => d.CaseId == c.Id && d.CurrentDueDate >= today && d.CurrentDueDate <= soon),
        });

        var total = await projected.CountAsync(ct);
        var overdueCount = await projected.CountAsync(c => c.Overdue, ct);
        var dueSoonCount = await projected.CountAsync(c => c.DueSoon, ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pageCount);
        var rows = await projected
            .OrderBy(c => c.IsClosed)
            .ThenBy(c => c.NextDue == null)
            .ThenBy(c => c.NextDue)
            .ThenBy(c => c.Reference)
            .Skip((number - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var windows = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Join(db.Set<Tranche>().AsNoTracking(), a => a.TrancheId, t => t.Id, (a, t) => new { a.Id, t.ClosesAt })
            .ToDictionaryAsync(x => x.Id, x => x.ClosesAt, ct);
        var codes = rows.Select(r => r.OwningOrganisation).Concat(rows.Select(r => r.RoutedTo ?? string.Empty)).Concat(rows.Select(r => r.BodyCode ?? string.Empty)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);

        var items = rows.Select(r =>
        {
            var definition = catalog.Find(r.DefinitionId, r.DefinitionVersion)?.Definition;
            var state = definition?.FindState(r.State);
            var situation = new CaseSituation(
                r.State, state, r.IsClosed, r.RoutedTo, r.BodyCode, r.NextDue, r.NextKind,
                windows.TryGetValue(r.Id, out var closes) ? closes : null);
            var (yourTurn, expectation) = forApplicant
                ? Expectations.ForApplicant(situation, actor.Organisation, names)
                : Expectations.ForQueue(situation, names);
            return new CaseListRow(
                r.Id, r.Reference, r.CaseType, definition?.Title ?? r.CaseType, r.Title, r.State, r.StateLabel, r.IsClosed,
                r.OwningOrganisation, names.GetValueOrDefault(r.OwningOrganisation, r.OwningOrganisation),
                r.NextDue, r.NextKind is null ? null : DeadlineName(r.NextKind), r.Overdue, r.DueSoon, yourTurn, expectation,
                r.Behandelaar, r.Behandelaar is null ? null : r.BehandelaarName ?? r.Behandelaar);
        }).ToList();
        return new CaseListPage(items, number, pageSize, total, overdueCount, dueSoonCount);
    }

    private static string DeadlineName(string kind) => TermKinds.TryGet(kind, out var known) && known is not null ? known.Name : kind;
}
