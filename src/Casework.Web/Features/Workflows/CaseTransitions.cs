using Casework.Domain.Cases;
using Casework.Domain.Funding;
using System.Text.Json;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// The step "engine decides, handler applies" (docs/design.md, "The way of one command"): asks the engine whether the actor may
/// fire the action on the case's pinned definition, then applies the new state, status history, effects,
/// audit event and notification to the unit of work. The caller saves once, in one transaction.
/// </summary>
internal sealed class CaseTransitions(DefinitionCatalog catalog, WorkflowEngine engine, CaseFacts facts, EffectApplier effects, AuditTrail audit, TimeProvider time, IEnumerable<ITransitionHook> hooks, IServiceProvider services)
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
        Proposal = ProposalOf(caseFile),
    };

    /// <summary>The case's pending proposal (vier-ogenprincipe) as the engine sees it, with the input it will take effect with.</summary>
    public static PendingProposal? ProposalOf(CaseFile caseFile) =>
        caseFile.ProposedAction is null
            ? null
            : new PendingProposal(caseFile.ProposedAction, caseFile.ProposedBy!, caseFile.ProposedByOrganisation!, new ActionInput(
                caseFile.ProposalReason,
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(caseFile.ProposalData ?? "{}") ?? []));

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

    /// <summary>
    /// Fires the action: the case moves (a <see cref="Transition"/>), or, for an action under the vier-ogenprincipe, the
    /// action is recorded as a proposal that another person confirms (<see cref="Proposed"/>). The caller saves once.
    /// </summary>
    public async Task<Decision> FireAsync(CaseFile caseFile, Actor actor, string actionId, ActionInput input, CancellationToken ct)
    {
        facts.Begin(caseFile.Id);
        var definition = DefinitionOf(caseFile);
        var decision = await engine.DecideAsync(definition, Snapshot(caseFile), actor, actionId, input, facts, ct);
        switch (decision)
        {
            case Refusal refusal:
                throw RefusalToProblem(caseFile, refusal);
            case Proposed proposed:
                await ProposeAsync(caseFile, actor, proposed, input, ct);
                return proposed;
            default:
                return await ApplyAsync(caseFile, actor, (Transition)decision, input, proposal: null, ct);
        }
    }

    /// <summary>Another person confirms the case's pending proposal: it takes effect as if fired now, judged again on today's facts.</summary>
    public async Task<Transition> ConfirmAsync(CaseFile caseFile, Actor actor, CancellationToken ct)
    {
        facts.Begin(caseFile.Id);
        var proposal = ProposalOf(caseFile);
        var decision = await engine.ConfirmAsync(DefinitionOf(caseFile), Snapshot(caseFile), actor, facts, ct);
        if (decision is Refusal refusal)
        {
            throw RefusalToProblem(caseFile, refusal);
        }

        return await ApplyAsync(caseFile, actor, (Transition)decision, proposal!.Input, caseFile, ct);
    }

    /// <summary>
    /// Ends the pending proposal without effect: withdrawn by its proposer, or declined (with a reason) by someone who may
    /// confirm it. Nothing else changes: no money moves, no besluit is recorded.
    /// </summary>
    public async Task RejectAsync(CaseFile caseFile, Actor actor, string? reason, CancellationToken ct)
    {
        if (WorkflowEngine.MayWithdrawOrDecline(DefinitionOf(caseFile), Snapshot(caseFile), actor) is { } refusal)
        {
            throw RefusalToProblem(caseFile, refusal);
        }

        var withdrawn = caseFile.ProposedBy == actor.UserId;
        if (!withdrawn && string.IsNullOrWhiteSpace(reason))
        {
            throw ApiProblemException.Validation("reason", "Schrijf waarom u het voorstel afwijst; de voorsteller leest het.");
        }

        var old = new { voorstel = caseFile.ProposedAction, voorgesteldDoor = caseFile.ProposedBy };
        caseFile.ClearProposal(time.GetUtcNow());
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, withdrawn ? "zaak.voorstel.ingetrokken" : "zaak.voorstel.afgewezen", "zaak", caseFile.Id.ToString(), "ok",
            old, new { voorstel = (string?)null }, reason, ct);
        effects.Notify(caseFile, "update", new { voorstel = old.voorstel, uitkomst = withdrawn ? "ingetrokken" : "afgewezen" });
    }

    /// <summary>The case's pending proposal for the API and the pages, with whether <paramref name="actor"/> may confirm or reject it.</summary>
    public ProposalDto? DescribeProposal(CaseFile caseFile, Actor actor)
    {
        // A proposal is the deciding organisation's own deliberation, not yet a besluit: the applicant does not see it.
        if (ProposalOf(caseFile) is not { } proposal
            || (actor.Organisation != proposal.ProposedByOrganisation && !actor.Roles.Contains(Domain.Access.Role.Auditor)))
        {
            return null;
        }

        var definition = DefinitionOf(caseFile);
        var snapshot = Snapshot(caseFile);
        var confirm = WorkflowEngine.MayConfirm(definition, snapshot, actor);
        return new ProposalDto(
            proposal.ActionId,
            definition.FindAction(proposal.ActionId)?.Label ?? proposal.ActionId,
            new BehandelaarDto(proposal.ProposedBy, caseFile.ProposedByName ?? proposal.ProposedBy),
            proposal.ProposedByOrganisation,
            caseFile.ProposedAt!.Value,
            proposal.Input.Reason,
            proposal.Input.Data,
            confirm is null,
            WorkflowEngine.MayWithdrawOrDecline(definition, snapshot, actor) is null,
            confirm?.Reasons.Select(r => new ReasonDto(r.Code, r.Message, r.Source, r.Guard)).ToList() ?? []);
    }

    private async Task ProposeAsync(CaseFile caseFile, Actor actor, Proposed proposed, ActionInput input, CancellationToken ct)
    {
        var name = services.GetRequiredService<ICurrentActor>().DisplayName;
        caseFile.Propose(proposed.ActionId, input.Reason, JsonSerializer.Serialize(input.Data), actor.UserId, name, actor.Organisation, time.GetUtcNow());
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, "zaak.voorstel." + proposed.ActionId, "zaak", caseFile.Id.ToString(), "ok",
            new { voorstel = (string?)null },
            new { voorstel = proposed.ActionId, gegevens = input.Data.Count == 0 ? null : input.Data },
            input.Reason,
            ct);
        effects.Notify(caseFile, "update", ProposalNotice(caseFile, proposed.ActionId, name, actor.Organisation, input));
    }

    /// <summary>
    /// The kenmerken of a new proposal's notification. Its <c>ontvanger</c> is the deciding organisation, so the dispatcher
    /// e-mails that organisation's functional mailbox and its subscribed users (ADR-015, ADR-016) that a colleague other
    /// than the proposer must confirm; never the gemeente, which does not see a proposal.
    /// </summary>
    private Dictionary<string, string?> ProposalNotice(CaseFile caseFile, string actionId, string proposerName, string organisation, ActionInput input)
    {
        var kenmerken = new Dictionary<string, string?>
        {
            ["voorstel"] = actionId,
            ["uitkomst"] = "voorgesteld",
            ["ontvanger"] = organisation,
            ["sjabloon"] = "voorstel",
            ["besluit"] = DefinitionOf(caseFile).FindAction(actionId)?.Label ?? actionId,
            ["voorgesteldDoor"] = proposerName,
        };
        if (input.Data.TryGetValue("bedrag", out var amount) && amount.ValueKind == JsonValueKind.Number && amount.TryGetDecimal(out var euros))
        {
            kenmerken["bedrag"] = Casework.Web.Features.Pages.NlFormat.Money(euros);
        }

        return kenmerken;
    }

    private async Task<Transition> ApplyAsync(CaseFile caseFile, Actor actor, Transition transition, ActionInput input, CaseFile? proposal, CancellationToken ct)
    {
        var proposedBy = proposal?.ProposedBy;
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
            new { status = caseFile.State, doorgezetNaar = caseFile.RoutedTo, resultaat = caseFile.Resultaat, gegevens = input.Data.Count == 0 ? null : input.Data, voorgesteldDoor = proposedBy },
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

        static bool Who(RefusalReason r) => r.Code is "wrong-role" or "wrong-organisation" or "system-only" or "not-behandelaar" or WorkflowEngine.ProposerConfirms;
        if (reasons.Any(Who))
        {
            if (reasons.FirstOrDefault(r => r.Code == WorkflowEngine.ProposerConfirms) is { } rule)
            {
                extensions["brokenRules"] = new[] { rule.ToBrokenRule() };
            }

            return ApiProblemException.Of(ProblemTypes.Forbidden, string.Join(" ", reasons.Where(Who).Select(r => r.Message)), extensions);
        }

        if (reasons.FirstOrDefault(r => r.Code is "proposal-pending" or "no-proposal") is { } proposal)
        {
            return ApiProblemException.Of(ProblemTypes.Conflict, proposal.Message, extensions);
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
