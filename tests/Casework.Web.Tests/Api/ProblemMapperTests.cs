using Casework.Web.Api;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Api;

public sealed class ProblemMapperTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ToProblem_ForAUniqueViolationFromTheDatabase_Is409AndNotA500()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/health");
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        db.Organisations.Add(Casework.Domain.Organisations.Organisation.Other("VRO", "Dubbel", Casework.Domain.Organisations.OrganisationKind.Departement));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var problem = ProblemMapper.ToProblem(error);

        Assert.NotNull(problem);
        Assert.Equal(409, problem.Status);
        Assert.Equal("concurrency-conflict", problem.Extensions["code"]);
    }

    [Fact]
    public void ToProblem_ForAnUnknownException_IsNullSoItBecomesALogged500()
    {
        Assert.Null(ProblemMapper.ToProblem(new InvalidOperationException("bug")));
    }
}
