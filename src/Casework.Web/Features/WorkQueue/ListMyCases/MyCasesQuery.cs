using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// The gemeente's own cases (applications, knelpunten, ...), the most urgent first, optionally one view of them
/// (<paramref name="Filter"/>: one of <see cref="MyCasesFilter.All"/>); a download asks for a larger <paramref name="PageSize"/>.
/// </summary>
public sealed record MyCasesQuery(int Page, int PageSize = CaseLists.PageSize, string? Filter = null) : IQuery<CaseListPage>;
