using Casework.Web.Features.Cases;
using Casework.Web.Persistence.Configurations;
using Mediator;

namespace Casework.Web.Features.Deadlines;

/// <summary>A notice under Awb 4:14: the decision cannot be given within the term, and when it can be expected.</summary>
/// <param name="NewDueDate">The new date (yyyy-MM-dd) by which the decision can be expected: a date, not a duration.</param>
/// <param name="Reason">Why the term cannot be met, as told to the applicant.</param>
/// <param name="NotifiedOn">The day the notice goes to the applicant; today when left out. Never in the future.</param>
public sealed record VerdagingRequest(DateOnly? NewDueDate, string? Reason, DateOnly? NotifiedOn);

/// <summary>The routed organisation moves the case's beslistermijn to a new date by notice (Awb 4:14).</summary>
public sealed record PostponeBeslistermijnCommand(Guid CaseId, int ExpectedVersion, VerdagingRequest? Request) : ICommand<CaseDto>;
