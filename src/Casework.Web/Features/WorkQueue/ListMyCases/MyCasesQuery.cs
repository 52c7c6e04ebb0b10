using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>The gemeente's own cases (applications, knelpunten, ...), the most urgent first.</summary>
public sealed record MyCasesQuery(int Page) : IQuery<CaseListPage>;
