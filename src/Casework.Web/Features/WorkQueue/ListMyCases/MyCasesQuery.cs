using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>The gemeente's own cases (applications, knelpunten, ...), the most urgent first; a download asks for a larger <paramref name="PageSize"/>.</summary>
public sealed record MyCasesQuery(int Page, int PageSize = CaseLists.PageSize) : IQuery<CaseListPage>;
