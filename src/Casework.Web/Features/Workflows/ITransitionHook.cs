using Casework.Domain.Cases;
using Casework.Workflows.Engine;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// A feature's reaction to a transition that the workflow definition cannot express (its own records, links
/// between cases). <see cref="CaseTransitions.FireAsync"/> calls every registered hook after the state change and
/// the effects, before the audit event, on the same unit of work: whichever endpoint fired the action (the
/// feature's own or the generic <c>POST /api/v1/cases/{id}/actions/{action}</c>), the hook's changes are saved in
/// the same transaction or not at all. A hook filters on the case type and action itself; it must not save.
/// Register as scoped: <c>services.AddScoped&lt;ITransitionHook, MyHook&gt;()</c>.
/// </summary>
public interface ITransitionHook
{
    ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct);
}
