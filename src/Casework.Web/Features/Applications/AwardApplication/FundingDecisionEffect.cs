using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Features.Tranches;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// What a funding besluit does to the money, applied with the definition's <c>recordDecision</c> effect in the
/// command's transaction: a (partial) toekenning commits the amount on the round's ledger (a new decision after an
/// objection commits or releases the difference); an afwijzing of an application that still holds an award (after a
/// well-founded objection) releases it. The beschikking is what creates the obligation, so the commitment is written
/// with the besluit or not at all, whichever endpoint or page fired the action.
/// </summary>
internal sealed class FundingDecisionEffect(CaseworkDbContext db, RoundLedger ledger, AuditTrail audit, TimeProvider time) : IDecisionEffect
{
    public const string Toekenning = "toekenning";
    public const string GedeeltelijkeToekenning = "gedeeltelijke-toekenning";
    public const string Afwijzing = "afwijzing";

    public async ValueTask ApplyAsync(CaseFile caseFile, string besluitType, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        if (besluitType is not (Toekenning or GedeeltelijkeToekenning or Afwijzing))
        {
            return;
        }

        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct);
        if (application is null)
        {
            return;
        }

        if (besluitType == Afwijzing)
        {
            if (application.AwardedAmount is not null)
            {
                await ReviseAsync(application, Money.Zero, actor, input.Reason, ct);
            }

            return;
        }

        var amount = AwardActions.Amount(input.Data)
            ?? throw new InvalidOperationException($"Action '{transition.ActionId}' records a {besluitType} without the '{AwardActions.AmountField}' its definition requires.");
        if (application.AwardedAmount is null)
        {
            await ledger.CommitAsync(application.TrancheId, amount, ct);
            application.RecordAward(amount, time.GetUtcNow());
        }
        else
        {
            await ReviseAsync(application, amount, actor, input.Reason, ct);
        }
    }

    /// <summary>
    /// A new decision on an existing award: commits the increase within the ceiling or releases the decrease (never
    /// below what was paid out on the application or in the round), audited on the round's stream.
    /// </summary>
    private async Task ReviseAsync(FundingApplication application, Money newAmount, Actor actor, string? reason, CancellationToken ct)
    {
        var before = application.AwardedAmount ?? Money.Zero;
        var change = application.ReviseAward(newAmount, await PaidOutAsync(db, application.Id, ct), time.GetUtcNow());
        if (change > Money.Zero)
        {
            await ledger.CommitAsync(application.TrancheId, change, ct);
        }
        else if (change.IsNegative)
        {
            await ledger.ReleaseAsync(application.TrancheId, Money.Zero - change, ct);
        }

        await audit.AppendAsync(TrancheAudit.Stream(application.TrancheId), actor,
            change.IsNegative ? "ronde.verplichtingVrijgevallen" : "ronde.verplichtingGewijzigd", "aanvraag", application.Id.ToString(), "ok",
            new { toegekend = before.Euros }, new { toegekend = newAmount.Euros, wijziging = change.Euros }, reason, ct);
    }

    /// <summary>The awarded portion already paid out on one application (few rows: summed here, exactly); also the award guards' fact.</summary>
    internal static async Task<Money> PaidOutAsync(CaseworkDbContext db, Guid applicationId, CancellationToken ct)
    {
        var portions = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationId == applicationId).Select(p => p.AwardedPortion).ToListAsync(ct);
        return portions.Aggregate(Money.Zero, (sum, p) => sum + p);
    }
}
