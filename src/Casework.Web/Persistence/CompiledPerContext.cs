using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Persistence;

/// <summary>
/// An EF Core compiled query, compiled once per context type. A compiled query is bound to the model it first ran
/// against, and each provider has its own context type and model (SQLite, SQL Server, PostgreSQL); one process may
/// use more than one (the tests do), so a single static compiled query would fail on the second.
/// </summary>
internal sealed class CompiledPerContext<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(DbContext db) => _byContext.GetOrAdd(db.GetType(), static (_, compile) => compile(), compile);
}
