namespace Casework.Workflows.Tests;

internal static class TestPaths
{
    /// <summary>The real definitions, copied to the output as the host would read them.</summary>
    public static string Definitions => Path.Combine(AppContext.BaseDirectory, "Definitions");

    public static string Scenario(string feature, string file) => Path.Combine(AppContext.BaseDirectory, "Scenarios", feature, file);
}
