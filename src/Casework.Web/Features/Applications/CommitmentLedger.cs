using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Tranches;
using Casework.Web.Persistence;
using Casework.Web.Workflow;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Changes to what a round has committed, each one conditional UPDATE of the ledger row in whole cents:
/// a commitment only while it stays within the ceiling, a release only while committed stays at or above what
/// has been paid out on awards. Both are audited on the round's stream by the caller's transaction.
/// </summary>
internal static class CommitmentLedger
{
    public const string ReleaseSource = "Ontwerpkeuze: een verplichting valt nooit vrij onder wat is uitbetaald";

    public static long Cents(Money amount) => decimal.ToInt64(amount.Euros * 100m);

    /// <summary>Commits more money; false when it would exceed the ceiling (nothing changed).</summary>
    public static async Task<bool> TryCommitAsync(CaseworkDbContext db, Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"RoundBudgets\" SET \"CommittedCents\" = \"CommittedCents\" + {cents} WHERE \"Id\" = {trancheId} AND \"CommittedCents\" + {cents} <= \"CeilingCents\"", ct) == 1;
    }

    /// <summary>Releases money; 422 when the round's committed amount would drop below what it has paid out.</summary>
    public static async Task ReleaseAsync(CaseworkDbContext db, Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        var released = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"RoundBudgets\" SET \"CommittedCents\" = \"CommittedCents\" - {cents} WHERE \"Id\" = {trancheId} AND \"CommittedCents\" - {cents} >= \"AwardedPaidOutCents\"", ct);
        if (released == 0)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "VRIJVAL-BOVEN-VERPLICHTING", $"Er kan niet {amount} vrijvallen: de ronde zou minder verplicht hebben dan zij heeft uitbetaald.", ReleaseSource));
        }
    }

    /// <summary>The awarded portion already paid out on one application.</summary>
    public static async Task<Money> PaidOutAsync(CaseworkDbContext db, Guid applicationId, CancellationToken ct)
    {
        // Few rows per application: summed here, exactly, rather than as SQLite TEXT in the database.
        var portions = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == applicationId).Select(p => p.AwardedPortion).ToListAsync(ct);
        return portions.Aggregate(Money.Zero, (sum, p) => sum + p);
    }

    /// <summary>
    /// A new decision on an existing award (heroverweging after a well-founded objection): commits the increase
    /// within the ceiling (409 when it does not fit) or releases the decrease (never below what was paid out on the
    /// application or in the round), audited on the round's stream. Returns the change.
    /// </summary>
    public static async Task<Money> ReviseAsync(
        CaseworkDbContext db, AuditTrail audit, FundingApplication application, Money newAmount, Actor actor, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var before = application.AwardedAmount ?? Money.Zero;
        var change = application.ReviseAward(newAmount, await PaidOutAsync(db, application.Id, ct), now);
        if (change > Money.Zero && !await TryCommitAsync(db, application.TrancheId, change, ct))
        {
            throw ApiProblemException.Of(
                ProblemTypes.Conflict,
                $"De verhoging met {change} past niet meer binnen het plafond van de ronde.",
                new Dictionary<string, object?> { ["ruleCode"] = "PLAFOND-OVERSCHREDEN" });
        }

        if (change.IsNegative)
        {
            await ReleaseAsync(db, application.TrancheId, Money.Zero - change, ct);
        }

        await audit.AppendAsync(TrancheAdministrationHandlers.Stream(application.TrancheId), actor,
            change.IsNegative ? "ronde.verplichtingVrijgevallen" : "ronde.verplichtingGewijzigd", "aanvraag", application.Id.ToString(), "ok",
            new { toegekend = before.Euros }, new { toegekend = newAmount.Euros, wijziging = change.Euros }, reason, ct);
        return change;
    }
}

/// <summary>
/// <c>afwijzen</c> of an application that still has an award (only reachable after a well-founded objection: from
/// <c>heroverweging</c>, or from <c>rangschikking</c> after the committee looked again) revokes the award: its commitment is released on the round's ledger in the same transaction,
/// whichever endpoint fired the action. Refused (422, nothing written) when part of it was already paid out.
/// </summary>
internal sealed class AwardRevocationHook(CaseworkDbContext db, AuditTrail audit, TimeProvider time) : ITransitionHook
{
    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (!caseFile.CaseType.EndsWith("-application", StringComparison.Ordinal) || transition.ActionId != "afwijzen")
        {
            return;
        }

        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == caseFile.Id, ct);
        if (application?.AwardedAmount is null)
        {
            return;
        }

        await CommitmentLedger.ReviseAsync(db, audit, application, Money.Zero, actor, input.Reason, time.GetUtcNow(), ct);
    }
}
