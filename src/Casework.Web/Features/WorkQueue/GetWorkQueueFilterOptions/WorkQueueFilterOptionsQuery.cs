using Mediator;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// What the work-queue filters offer: the case types and each type's open states (from the published definitions), and
/// whether the caller's organisation leads (is trekker of) an open case, which is when "cases we lead" means anything.
/// </summary>
public sealed record WorkQueueFilterOptionsQuery : IQuery<WorkQueueFilterOptions>;

/// <param name="Behandelaars">Who handles an open case routed to the caller's organisation now (user id, name): the "of colleague X" filter.</param>
public sealed record WorkQueueFilterOptions(IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States, bool LeadsCases, IReadOnlyList<KeyValuePair<string, string>> Behandelaars);
