using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Workflows.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows.Guards;

/// <summary>
/// Awb 4:5: an application may be left unprocessed only after the applicant got a term to complete it,
/// and that term was used (met) or expired.
/// </summary>
internal sealed class HerstelGebodenGuard(CaseworkDbContext db) : IWorkflowGuard
{
    public string Name => "herstelGeboden";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var kind = TermKinds.Hersteltermijn.Id;
        var given = await db.Deadlines.AsNoTracking()
            .AnyAsync(d => d.CaseId == invocation.Case.CaseId && d.KindId == kind && (d.Status == DeadlineStatus.Met || d.Status == DeadlineStatus.Expired), ct);
        return given
            ? GuardOutcome.Pass
            : GuardOutcome.Fail("HERSTEL-NIET-GEBODEN", "Buiten behandeling laten mag pas nadat de aanvrager een hersteltermijn heeft gekregen en die is verstreken of benut.", "Awb art. 4:5 lid 1");
    }
}
