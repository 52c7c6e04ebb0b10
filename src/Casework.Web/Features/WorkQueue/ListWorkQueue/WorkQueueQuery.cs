using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// The open cases that wait for the actor's organisation (a beheerder: every open case), filtered and sorted by the
/// next deadline; with <paramref name="IncludeLed"/> also those it leads (trekkend departement) wherever they are.
/// <paramref name="DueSoon"/> is a running deadline within <see cref="CaseLists.DueSoonDays"/> days; <paramref name="Zoek"/>
/// narrows it with the search of <see cref="Cases.CaseSearch"/>. A download asks for a larger <paramref name="PageSize"/>.
/// </summary>
public sealed record WorkQueueQuery(string? Type, string? State, bool Overdue, bool DueSoon, int Page, bool IncludeLed = false, string? Zoek = null, int PageSize = CaseLists.PageSize) : IQuery<CaseListPage>;
