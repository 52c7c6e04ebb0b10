using Casework.Domain.Common;
using Casework.Workflows.Guards;

namespace Casework.Web.Features.Workflows.Guards;

/// <summary>
/// A guard that passes when a boolean fact about the case is true. A fact nobody can supply (null) fails
/// the guard: an unknown condition is never taken as met.
/// </summary>
internal abstract class FactGuard : IWorkflowGuard
{
    public abstract string Name { get; }

    protected abstract string FactKey(GuardInvocation invocation);

    protected abstract GuardOutcome Failure(GuardInvocation invocation);

    public async ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var fact = await invocation.Facts.GetAsync<bool?>(FactKey(invocation), ct);
        return fact == true ? GuardOutcome.Pass : Failure(invocation);
    }
}

/// <summary>
/// The round's window is open for this submission: the domain's window rule (opening and closing instants
/// inclusive), judged at the moment of submission. The other admission rules are <see cref="ToelatingscriteriaVoldaanGuard"/>'s.
/// </summary>
internal sealed class IndieningsperiodeOpenGuard : BrokenRulesGuard
{
    public override string Name => "indieningsperiodeOpen";

    protected override IReadOnlyList<BrokenRule>? Broken(AdmissionVerdict verdict) => verdict.Window;
}

internal sealed class ScoresCompleetGuard : FactGuard
{
    public const string Fact = "aanvraag.scoresCompleet";

    public override string Name => "scoresCompleet";

    protected override string FactKey(GuardInvocation invocation) => Fact;

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("SCORES-ONVOLLEDIG", "Niet voor elk beoordelingscriterium van de ronde is een score (1-10) vastgelegd.");
}

internal sealed class RangschikkingVastgesteldGuard : FactGuard
{
    public const string Fact = "ronde.rangschikkingVastgesteld";

    public override string Name => "rangschikkingVastgesteld";

    protected override string FactKey(GuardInvocation invocation) => Fact;

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("RANGSCHIKKING-OPEN", "De rangschikking van de ronde is nog niet vastgesteld (er zijn gelijke scores die een mens moet ordenen).");
}

internal sealed class OpAgendaGuard : FactGuard
{
    public const string FactPrefix = "agenda.behandeld:";

    public override string Name => "opAgenda";

    protected override string FactKey(GuardInvocation invocation) => FactPrefix + (invocation.GetStringParam("body") ?? string.Empty);

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("NIET-GEAGENDEERD", $"De zaak staat niet op de agenda van een gehouden vergadering van {invocation.GetStringParam("body")}.");
}
