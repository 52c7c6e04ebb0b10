using Casework.Workflows.Guards;

namespace Casework.Web.Workflow.Guards;

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

internal sealed class IndieningsperiodeOpenGuard : FactGuard
{
    public const string Fact = "ronde.indieningsperiodeOpen";

    public override string Name => "indieningsperiodeOpen";

    protected override string FactKey(GuardInvocation invocation) => Fact;

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("TIJDVAK-GESLOTEN", "Het indieningstijdvak van de ronde is niet open.", "Besluit Woningbouwimpuls 2020 art. 3(2), 4(1)");
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

internal sealed class BinnenPlafondGuard : FactGuard
{
    public const string Fact = "ronde.binnenPlafond";

    public override string Name => "binnenPlafond";

    protected override string FactKey(GuardInvocation invocation) => Fact;

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("PLAFOND-OVERSCHREDEN", "Het bedrag past niet binnen de resterende ruimte van het plafond van de ronde.", "Besluit Woningbouwimpuls 2020 art. 4(1)");
}

internal sealed class OpAgendaGuard : FactGuard
{
    public const string FactPrefix = "agenda.behandeld:";

    public override string Name => "opAgenda";

    protected override string FactKey(GuardInvocation invocation) => FactPrefix + (invocation.GetStringParam("body") ?? string.Empty);

    protected override GuardOutcome Failure(GuardInvocation invocation) =>
        GuardOutcome.Fail("NIET-GEAGENDEERD", $"De zaak staat niet op de agenda van een gehouden vergadering van {invocation.GetStringParam("body")}.");
}
