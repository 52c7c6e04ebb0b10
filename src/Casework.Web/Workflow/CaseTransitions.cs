using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Workflow;

/// <summary>
/// The step "engine decides, handler applies" (docs/design.md, "The way of one command"): asks the engine whether the actor may
/// fire the action on the case's pinned definition, then applies the new state, status history, effects,
/// audit event and notification to the unit of work. The caller saves once, in one transaction.
/// </summary>
internal sealed class CaseTransitions(DefinitionCatalog catalog, WorkflowEngine engine, CaseFacts facts, EffectApplier effects, AuditTrail audit, TimeProvider time, IEnumerable<ITransitionHook> hooks)
{
    public WorkflowDefinition DefinitionOf(CaseFile caseFile) =>
        catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition
        ?? throw new InvalidOperationException($"Case {caseFile.Reference} runs on {caseFile.DefinitionId} v{caseFile.DefinitionVersion}, which is not loaded. Definitions are never removed once published.");

    public static CaseSnapshot Snapshot(CaseFile caseFile) => new(caseFile.Id, caseFile.CaseType, caseFile.State, caseFile.OwningOrganisation)
    {
        MemberOrganisations = caseFile.Members.Select(m => m.OrganisationCode).ToList(),
        RoutedTo = caseFile.RoutedTo,
        Behandelaar = caseFile.Behandelaar,
        BodyCode = caseFile.BodyCode,
    };

    public async Task<IReadOnlyList<AvailableAction>> AvailableAsync(CaseFile caseFile, Actor actor, CancellationToken ct)
    {
        facts.Begin(caseFile.Id);
        return await engine.GetAvailableActionsAsync(DefinitionOf(caseFile), Snapshot(caseFile), actor, facts, includeAll: false, ct);
    }

    /// <summary>
    /// The first of <paramref name="actionIds"/> that the case's definition offers from its current state, or null: for
    /// an endpoint whose one request stands for different actions in different states (converting a vastloper).
    /// </summary>
    public string? OfferedNow(CaseFile caseFile, params string[] actionIds)
    {
        var definition = DefinitionOf(caseFile);
        return actionIds.FirstOrDefault(id => definition.FindAction(id)?.From.Contains(caseFile.State) == true);
    }

    /// <summary>
    /// Throws the refusal's ProblemDetails unless <paramref name="actor"/> is who may take <paramref name="actionId"/>
    /// in the case's current state (role, organisation, state; not its guards or input): for recording the facts that
    /// the action's own guards then judge (the committee's scores before <c>adviseren</c>).
    /// </summary>
    public void EnsureMayPrepare(CaseFile caseFile, Actor actor, string actionId)
    {
        if (WorkflowEngine.WhoAndWhen(DefinitionOf(caseFile), Snapshot(caseFile), actor, actionId) is { } refusal)
        {
            throw RefusalToProblem(caseFile, refusal);
        }
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="actionId"/> in the case's state (as <see cref="EnsureMayPrepare"/>, without throwing): for work lists.</summary>
    public bool MayPrepare(CaseFile caseFile, Actor actor, string actionId) =>
        WorkflowEngine.WhoAndWhen(DefinitionOf(caseFile), Snapshot(caseFile), actor, actionId) is null;

    public async Task<Transition> FireAsync(CaseFile caseFile, Actor actor, string actionId, ActionInput input, CancellationToken ct)
    {
        facts.Begin(caseFile.Id);
        var definition = DefinitionOf(caseFile);
        var decision = await engine.DecideAsync(definition, Snapshot(caseFile), actor, actionId, input, facts, ct);
        if (decision is Refusal refusal)
        {
            throw RefusalToProblem(caseFile, refusal);
        }

        var transition = (Transition)decision;
        var old = new { status = caseFile.State, doorgezetNaar = caseFile.RoutedTo };
        var now = time.GetUtcNow();
        caseFile.TransitionTo(transition.To, transition.ToLabel, transition.ToOrder, transition.ToIsFinal, transition.Resultaat, transition.ActionId, now, actor.UserId, actor.Organisation, input.Reason);
        await effects.ApplyAsync(caseFile, transition, actor, input, ct);
        foreach (var hook in hooks)
        {
            await hook.AfterTransitionAsync(caseFile, transition, actor, input, ct);
        }

        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id),
            actor,
            "zaak." + transition.ActionId,
            "zaak",
            caseFile.Id.ToString(),
            "ok",
            old,
            new { status = caseFile.State, doorgezetNaar = caseFile.RoutedTo, resultaat = caseFile.Resultaat, gegevens = input.Data.Count == 0 ? null : input.Data },
            input.Reason,
            ct);
        effects.Notify(caseFile, "update", new { actie = transition.ActionId, van = transition.From, naar = transition.To });
        return transition;
    }

    private static readonly HashSet<string> StateConflictRules = new(StringComparer.Ordinal) { RoundBudget.CeilingExceeded };

    /// <summary>Refusals reach the client as ProblemDetails: who may not (403), what input is wrong (400), wrong state (409), unmet rule (422).</summary>
    public static ApiProblemException RefusalToProblem(CaseFile caseFile, Refusal refusal)
    {
        var reasons = refusal.Reasons;
        var extensions = new Dictionary<string, object?> { ["reasons"] = reasons, ["action"] = refusal.ActionId, ["state"] = caseFile.State };
        if (reasons.Any(r => r.Code == "unknown-action"))
        {
            throw ApiProblemException.Of(ProblemTypes.NotFound, reasons[0].Message, extensions);
        }

        if (reasons.Any(r => r.Code is "wrong-role" or "wrong-organisation" or "system-only" or "not-behandelaar"))
        {
            return ApiProblemException.Of(ProblemTypes.Forbidden, string.Join(" ", reasons.Where(r => r.Code is "wrong-role" or "wrong-organisation" or "system-only" or "not-behandelaar").Select(r => r.Message)), extensions);
        }

        var inputReasons = reasons.Where(r => r.Code == "reason-required" || r.Code.StartsWith("input-", StringComparison.Ordinal)).ToList();
        if (inputReasons.Count > 0)
        {
            var errors = inputReasons
                .GroupBy(r => r.Code == "reason-required" ? "reason" : "data." + r.Code[(r.Code.IndexOf(':', StringComparison.Ordinal) + 1)..])
                .ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray());
            var problem = new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation.Uri,
                Title = ProblemTypes.Validation.Title,
                Detail = string.Join(" ", inputReasons.Select(r => r.Message)),
            };
            problem.Extensions["code"] = ProblemTypes.Validation.Code;
            problem.Extensions["reasons"] = reasons;
            return new ApiProblemException(problem);
        }

        if (reasons.Any(r => r.Code == "wrong-state"))
        {
            return ApiProblemException.Of(ProblemTypes.Conflict, reasons.First(r => r.Code == "wrong-state").Message, extensions);
        }

        var broken = reasons.Select(r => r.ToBrokenRule()).ToList();
        extensions["brokenRules"] = broken;

        // A rule that depends on what others do at the same time (the round's remaining money) is a conflict with the
        // current state, as the ledger's own atomic update reports it; any other broken rule makes the request 422.
        var type = reasons.All(r => StateConflictRules.Contains(r.Code)) ? ProblemTypes.Conflict : ProblemTypes.RuleViolation;
        return ApiProblemException.Of(type, string.Join(" ", reasons.Select(r => r.Message)), extensions);
    }
}
