using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// The open cases that wait for the actor's organisation (a beheerder: every open case), filtered and sorted by the
/// next deadline; with <paramref name="IncludeLed"/> also those it leads (trekkend departement) wherever they are.
/// <paramref name="DueSoon"/> is a running deadline within <see cref="CaseLists.DueSoonDays"/> days; <paramref name="Zoek"/>
/// narrows it with the search of <see cref="Cases.CaseSearch"/>. A download asks for a larger <paramref name="PageSize"/>.
/// <paramref name="DueWithinWorkingDays"/> is a running deadline within <see cref="CaseLists.DueSoonWorkingDays"/> working days
/// of the legal clock. <paramref name="Behandelaar"/> is <see cref="BehandelaarFilter.Mine"/>, <see cref="BehandelaarFilter.Unassigned"/> or a colleague's user id.
/// </summary>
public sealed record WorkQueueQuery(string? Type, string? State, bool Overdue, bool DueSoon, int Page, bool IncludeLed = false, string? Zoek = null, int PageSize = CaseLists.PageSize, string? Behandelaar = null, bool DueWithinWorkingDays = false) : IQuery<CaseListPage>;

/// <summary>The behandelaar filter of a work list: mine, nobody's yet, or a colleague's (their user id).</summary>
public static class BehandelaarFilter
{
    public const string Mine = "mine";

    public const string Unassigned = "unassigned";

    public static IQueryable<Domain.Cases.CaseFile> Apply(IQueryable<Domain.Cases.CaseFile> cases, string? filter, string userId) => filter switch
    {
        null or "" => cases,
        Mine => cases.Where(c => c.Behandelaar == userId),
        Unassigned => cases.Where(c => c.Behandelaar == null),
        _ => cases.Where(c => c.Behandelaar == filter),
    };
}
