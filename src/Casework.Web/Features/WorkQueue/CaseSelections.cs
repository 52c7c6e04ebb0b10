using System.Linq.Expressions;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// Which cases a list selects, apart from how it shows them: the werkvoorraad's and mijn zaken's filters as queries.
/// The lists page what these return and the start page counts them (in SQL), so a count on the start page and the list
/// it links to cannot disagree.
/// </summary>
internal static class CaseSelections
{
    /// <summary>The werkvoorraad's selection for <paramref name="query"/> (everything but the paging).</summary>
    /// <param name="workingDaysEnd">The last day of "due within <see cref="CaseLists.DueSoonWorkingDays"/> working days" (<see cref="WorkingDaysEndAsync"/>).</param>
    public static IQueryable<CaseFile> WorkQueue(CaseworkDbContext db, Actor actor, WorkQueueQuery query, DateOnly today, DateOnly workingDaysEnd)
    {
        var org = actor.Organisation;
        var cases = db.Cases.VisibleTo(actor).Where(c => !c.IsClosed).Matching(db, query.Zoek);
        if (!CaseAccess.SeesEverything(actor))
        {
            // A work queue is what waits for this organisation, not everything it may read; a department may add the
            // cases it leads (a knelpunt it is trekker of, waiting at the SBSD), to follow them.
            cases = query.IncludeLed ? cases.Where(c => c.RoutedTo == org || c.LeadDepartment == org) : cases.Where(c => c.RoutedTo == org);
        }

        cases = BehandelaarFilter.Apply(cases, query.Behandelaar, actor.UserId);
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            cases = cases.Where(c => c.CaseType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.State))
        {
            cases = cases.Where(c => c.State == query.State);
        }

        var soon = today.AddDays(CaseLists.DueSoonDays);
        if (query.Overdue)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))));
        }

        if (query.DueSoon)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Running && d.CurrentDueDate >= today && d.CurrentDueDate <= soon));
        }

        if (query.DueWithinWorkingDays)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Running && d.CurrentDueDate >= today && d.CurrentDueDate <= workingDaysEnd));
        }

        return cases;
    }

    /// <summary>
    /// The last day of "within <see cref="CaseLists.DueSoonWorkingDays"/> working days": the fifth working day after
    /// today on the legal clock's calendar (weekends, the holidays of the Algemene termijnenwet and the days equated with
    /// them do not count), so a term that ends on it or before is shown.
    /// </summary>
    public static DateOnly WorkingDaysEnd(DateOnly today, DutchCalendar calendar)
    {
        var day = today;
        for (var i = 0; i < CaseLists.DueSoonWorkingDays; i++)
        {
            day = calendar.NextWorkingDay(day);
        }

        return day;
    }

    /// <summary>Mijn zaken's selection: the gemeente's own cases, narrowed to one of <see cref="MyCasesFilter"/>'s views.</summary>
    public static IQueryable<CaseFile> MyCases(CaseworkDbContext db, DefinitionCatalog catalog, Actor actor, string? filter, DateOnly today)
    {
        var cases = db.Cases.VisibleTo(actor);
        var org = actor.Organisation;
        switch (filter)
        {
            case MyCasesFilter.Concept:
                // A concept is a case still in its definition's first state, held by the gemeente itself (an application
                // it drafts); read from the pinned definitions, not from a state name.
                return cases.Where(c => !c.IsClosed).Where(InStates(catalog, (d, s) => s.Id == d.InitialState && s.Owner == StateOwner.Initiator));
            case MyCasesFilter.YourTurn:
                // The same rule as the list's "U bent aan zet" (Expectations.ForApplicant): a state the gemeente holds,
                // or one routed to it, unless the state is held by nobody.
                var initiator = InStates(catalog, (_, s) => s.Owner == StateOwner.Initiator);
                var nobody = InStates(catalog, (_, s) => s.Owner == StateOwner.None);
                var routedToUs = Not(nobody);
                return cases.Where(c => !c.IsClosed).Where(Or(initiator, And(c => c.RoutedTo == org, routedToUs)));
            case MyCasesFilter.Hersteltermijn:
                var herstel = TermKinds.Hersteltermijn.Id;
                return cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.KindId == herstel && d.Status == DeadlineStatus.Running));
            case MyCasesFilter.DecidedThisMonth:
                var first = new DateOnly(today.Year, today.Month, 1);
                var next = first.AddMonths(1);
                return cases.Where(c => db.Decisions.Any(d => d.CaseId == c.Id && d.Datum >= first && d.Datum < next));
            default:
                return cases;
        }
    }

    /// <summary>Cases whose (definition, version, state) is one the predicate picks in the loaded definitions.</summary>
    private static Expression<Func<CaseFile, bool>> InStates(DefinitionCatalog catalog, Func<WorkflowDefinition, StateDefinition, bool> pick)
    {
        var c = Expression.Parameter(typeof(CaseFile), "c");
        Expression body = Expression.Constant(false);
        foreach (var definition in catalog.All.Select(l => l.Definition))
        {
            var states = definition.States.Where(s => pick(definition, s)).Select(s => s.Id).ToList();
            if (states.Count == 0)
            {
                continue;
            }

            Expression<Func<CaseFile, bool>> one = x => x.DefinitionId == definition.DefinitionId && x.DefinitionVersion == definition.Version && states.Contains(x.State);
            body = Expression.OrElse(body, new Rebind(one.Parameters[0], c).Visit(one.Body));
        }

        return Expression.Lambda<Func<CaseFile, bool>>(body, c);
    }

    private static Expression<Func<CaseFile, bool>> Or(Expression<Func<CaseFile, bool>> a, Expression<Func<CaseFile, bool>> b) =>
        Expression.Lambda<Func<CaseFile, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    private static Expression<Func<CaseFile, bool>> And(Expression<Func<CaseFile, bool>> a, Expression<Func<CaseFile, bool>> b) =>
        Expression.Lambda<Func<CaseFile, bool>>(Expression.AndAlso(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    private static Expression<Func<CaseFile, bool>> Not(Expression<Func<CaseFile, bool>> a) =>
        Expression.Lambda<Func<CaseFile, bool>>(Expression.Not(a.Body), a.Parameters);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>The views of mijn zaken besides "all": the values of its <c>toon</c> parameter.</summary>
public static class MyCasesFilter
{
    /// <summary>Drafts not yet submitted.</summary>
    public const string Concept = "concept";

    /// <summary>Where the gemeente is to act ("U bent aan zet").</summary>
    public const string YourTurn = "aan-zet";

    /// <summary>A hersteltermijn (Awb 4:5) runs: the loket asked for more.</summary>
    public const string Hersteltermijn = "hersteltermijn";

    /// <summary>A besluit was taken this calendar month.</summary>
    public const string DecidedThisMonth = "besloten-deze-maand";

    public static readonly IReadOnlyList<string> All = [Concept, YourTurn, Hersteltermijn, DecidedThisMonth];

    /// <summary>What the list says it shows, for its heading.</summary>
    public static string? Describe(string? filter) => filter switch
    {
        Concept => "Concepten, nog niet ingediend",
        YourTurn => "Zaken waarin u aan zet bent",
        Hersteltermijn => "Zaken met een lopende hersteltermijn",
        DecidedThisMonth => "Zaken met een besluit van deze maand",
        _ => null,
    };
}
