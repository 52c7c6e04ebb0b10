using System.Text.Json;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Workflows.Guards;

namespace Casework.Web.Features.Applications;

/// <summary>The application and its round's ledger as they are now, for the award's guard.</summary>
internal sealed record AwardFacts(FundingApplication Application, RoundBudget Budget, Money PaidOut)
{
    public const string Fact = "aanvraag.toekenning";
}

/// <summary>
/// The definitions' <c>binnenPlafond</c> guard on <c>toekennen</c> and <c>gedeeltelijkToekennen</c>: the amount is a
/// valid full or partial award of this application, and what it adds to the round's commitments fits the ceiling,
/// both judged by the domain (<see cref="FundingApplication.WhyNotAward"/>, <see cref="RoundBudget.WhyNotCommit"/>).
/// Before an amount is chosen (the list of available actions) a full award is judged on the requested amount and a
/// partial one on whether any money is left. The money itself moves with the besluit (<see cref="FundingDecisionEffect"/>),
/// in the same transaction, through the ledger's atomic update.
/// </summary>
internal sealed class AwardFitsGuard : IWorkflowGuard
{
    public string Name => "binnenPlafond";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var facts = await invocation.Facts.GetAsync<AwardFacts>(AwardFacts.Fact, ct);
        if (facts is null)
        {
            return GuardOutcome.Fail("TOEKENNING-ONBEKEND", "Voor deze zaak is geen aanvraag met een ronde bekend; er kan niets worden toegekend.");
        }

        var partial = AwardActions.IsPartial(invocation.ActionId);
        var amount = AwardActions.Amount(invocation.Input.Data);
        var broken = facts.Application.WhyNotAward(amount, partial).ToList();
        if (broken.Count == 0 && amount is { } revised && facts.Application.WhyNotRevise(revised, facts.PaidOut) is { } belowPaid)
        {
            broken.Add(belowPaid);
        }

        if (broken.Count == 0)
        {
            var change = amount is { } chosen
                ? facts.Application.CommitmentChangeFor(chosen)
                : partial ? new Money(0.01m) : facts.Application.CommitmentChangeFor(facts.Application.RequestedAmount);
            if (change > Money.Zero && facts.Budget.WhyNotCommit(change) is { } ceiling)
            {
                broken.Add(ceiling);
            }
        }

        return GuardOutcome.FailAll(broken.Select(b => new GuardFailure(b.Code, b.Message, b.Source)));
    }
}

/// <summary>
/// The <c>nietOnderUitbetaald</c> guard (vhf/wbi v3, on <c>afwijzen</c>): rejecting an application that holds an award
/// (after a well-founded objection) revokes the award, which cannot go below what has been paid out on it. Judged by the
/// domain (<see cref="FundingApplication.WhyNotRevise"/>) before the besluit, so the list of actions, a proposal and its
/// confirmation say what the besluit's effect would say.
/// </summary>
internal sealed class RevocationFitsPaymentsGuard : IWorkflowGuard
{
    public string Name => "nietOnderUitbetaald";

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var facts = await invocation.Facts.GetAsync<AwardFacts>(AwardFacts.Fact, ct);
        return facts?.Application.WhyNotRevise(Money.Zero, facts.PaidOut) is { } broken
            ? GuardOutcome.Fail(broken.Code, broken.Message, broken.Source)
            : GuardOutcome.Pass;
    }
}

/// <summary>The application workflows' award actions and the input they carry.</summary>
internal static class AwardActions
{
    public const string Full = "toekennen";
    public const string Partial = "gedeeltelijkToekennen";
    public const string AmountField = "bedrag";
    public const string SentDateField = "verzenddatum";

    public static bool IsPartial(string actionId) => actionId == Partial;

    public static Money? Amount(IReadOnlyDictionary<string, JsonElement> data) =>
        data.TryGetValue(AmountField, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var euros)
            ? new Money(euros)
            : null;
}
