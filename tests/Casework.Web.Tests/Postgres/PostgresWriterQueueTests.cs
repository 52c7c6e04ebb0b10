using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Postgres;

/// <summary>The SQLite writer queue (ADR-025) stays out of the way on a server database, which locks rows, not the file.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresWriterQueueTests(PostgresServer server)
{
    [Fact]
    public async Task WriterGate_OnPostgreSql_IsNotUsed()
    {
        await using var factory = new CaseworkWebFactory { PostgresConnectionString = await server.CreateDatabaseAsync() };
        await using var scope = factory.CreateScope();

        Assert.Null(CaseworkWebFactory.Db(scope).Database.WriterGate());
    }
}
