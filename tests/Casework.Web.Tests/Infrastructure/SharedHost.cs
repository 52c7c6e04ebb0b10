namespace Casework.Web.Tests.Infrastructure;

/// <summary>
/// One host and one SQLite database for all the tests of a class (<c>IClassFixture&lt;SharedHost&gt;</c>), for tests
/// that each make their own cases and read only those: a host costs about 400 ms of CPU to start, so a class that
/// can share one should.
/// </summary>
public sealed class SharedHost : IAsyncLifetime
{
    public CaseworkWebFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
