using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using FluentValidation;
using Mediator;

namespace Casework.Web.Features.Cases.Proposals;

/// <summary>What happens to a proposal made under the vier-ogenprincipe.</summary>
public enum ProposalOutcome
{
    /// <summary>Another person of the approval's roles confirms it: the besluit takes effect.</summary>
    Confirm,

    /// <summary>The proposer withdraws it, or a colleague who may confirm declines it with a reason: nothing takes effect.</summary>
    Reject,
}

/// <summary>Confirm or reject the case's pending proposal at the version in <c>If-Match</c>: of two confirmations at one version, one saves and the other is a 409.</summary>
public sealed record DecideProposalCommand(Guid CaseId, ProposalOutcome Outcome, int ExpectedVersion, string? Reason) : ICommand<CaseDto>;

/// <summary>Request body of rejecting a proposal: the reason (required when you are not its proposer).</summary>
public sealed record RejectProposalRequest(string? Reason);

internal sealed class DecideProposalValidator : AbstractValidator<DecideProposalCommand>
{
    public DecideProposalValidator()
    {
        RuleFor(c => c.ExpectedVersion).IsCaseVersion();
        RuleFor(c => c.Reason).MaximumLength(4000).OverridePropertyName("reason").WithMessage("De toelichting is te lang (maximaal 4000 tekens).");
    }
}

internal sealed class DecideProposalHandler(CaseworkDbContext db, ICurrentActor current, CaseActionPath path, CaseTransitions transitions, TimeProvider time)
    : ICommandHandler<DecideProposalCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(DecideProposalCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await path.LoadForActionAsync(command.CaseId, command.ExpectedVersion, cancellationToken);
        if (command.Outcome == ProposalOutcome.Confirm)
        {
            await transitions.ConfirmAsync(caseFile, actor, cancellationToken);
        }
        else
        {
            await transitions.RejectAsync(caseFile, actor, command.Reason?.Trim(), cancellationToken);
        }

        await path.SaveAsync(caseFile, command.ExpectedVersion, cancellationToken);
        return await FireActionHandler.RespondAsync(db, transitions, caseFile, actor, time, cancellationToken);
    }
}
