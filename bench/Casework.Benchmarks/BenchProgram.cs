using BenchmarkDotNet.Running;

namespace Casework.Benchmarks;

/// <summary>
/// Entry point. Not a top-level program: that would declare a global <c>Program</c> class and clash with the
/// host's <c>Program</c> (Casework.Web). Usage: <c>dotnet run -c Release --project bench/Casework.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class BenchProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
