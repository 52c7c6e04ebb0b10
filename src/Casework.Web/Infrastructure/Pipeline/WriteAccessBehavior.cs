using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Mediator;

namespace Casework.Web.Infrastructure.Pipeline;

/// <summary>
/// A command that an auditor may send although auditors change nothing in a case (an audit checkpoint
/// records what the auditor verified).
/// </summary>
public interface IAuditorMayWrite;

/// <summary>
/// Who may write comes before what is written: an auditor, who reads everything and writes nothing, gets 403
/// for every command before its input is validated, so the answer does not depend on the body (a hand-over
/// without a colleague is "not for you", not "choose a colleague"). The handlers keep their own finer checks.
/// </summary>
internal sealed class WriteAccessBehavior<TMessage, TResponse>(ICurrentActor current) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IBaseCommand and not IAuditorMayWrite)
        {
            CaseAccess.EnsureMayWrite(current.Actor);
        }

        return next(message, cancellationToken);
    }
}
