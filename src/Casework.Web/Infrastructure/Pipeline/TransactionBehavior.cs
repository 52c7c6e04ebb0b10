using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Infrastructure.Pipeline;

/// <summary>
/// Every command runs in one database transaction: what it reads (the case and its version) and what it
/// writes commit together or not at all. On SQLite the transaction takes the write lock up front
/// (BEGIN IMMEDIATE), so concurrent commands queue instead of failing on lock upgrade.
/// </summary>
internal sealed class TransactionBehavior<TMessage, TResponse>(CaseworkDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        return await db.InWriteTransactionAsync(async ct => await next(message, ct), cancellationToken);
    }
}
