using Casework.Web.Persistence;

namespace Casework.Web.Features.Demo;

/// <summary>
/// <c>dotnet run --project src/Casework.Web -- demo</c>: migrates and seeds the reference data as a start would, then the
/// demo programme, prints what it did and exits: 0 when seeded or already there, 1 when the database holds other cases.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.StartAsync(CancellationToken.None);
        var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        switch (result.Outcome)
        {
            case DemoSeedOutcome.Seeded:
                await Console.Out.WriteLineAsync(
                    $"Demo seeded: {result.Rounds} rounds, {result.Applications} applications, {result.Knelpunten} knelpunten, "
                    + $"{result.Vastlopers} vastlopers, {result.Meetings} meetings ({result.Elapsed.TotalSeconds:0.0} s).");
                return 0;
            case DemoSeedOutcome.AlreadyPresent:
                await Console.Out.WriteLineAsync("Demo data is present already; nothing added.");
                return 0;
            default:
                await Console.Error.WriteLineAsync("Demo not seeded: the database holds cases that are not demo data.");
                return 1;
        }
    }
}
