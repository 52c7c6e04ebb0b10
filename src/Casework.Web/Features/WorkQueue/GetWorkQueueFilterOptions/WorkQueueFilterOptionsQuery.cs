using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>The case types and states the work-queue filters offer, from the published definitions.</summary>
public sealed record WorkQueueFilterOptionsQuery : IQuery<(IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)>;
