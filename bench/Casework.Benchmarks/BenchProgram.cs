using BenchmarkDotNet.Running;

namespace Casework.Benchmarks;

/// <summary>
/// Entry point. Not a top-level program: that would declare a global <c>Program</c> class and clash with the
/// host's <c>Program</c> (Casework.Web). Usage: <c>dotnet run -c Release --project bench/Casework.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["profile", ..])
        {
            // Not a benchmark: where the time of one persisted transition goes (bench/README.md, "Profile").
            var warmupAt = Array.IndexOf(args, "--warmup-batches");
            var warmup = warmupAt > 0 && warmupAt + 1 < args.Length && int.TryParse(args[warmupAt + 1], System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 10;
            await PathProfile.RunAsync(args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var batches) ? batches : 10, args.Contains("--sql"), warmup);
            return;
        }

        if (args is ["http", ..])
        {
            // Not a benchmark: transitions/s and latency through HTTP with concurrent clients (bench/README.md, "HTTP").
            await HttpLoad.RunAsync(args[1..]);
            return;
        }

        if (args is ["documents", ..])
        {
            // Not a benchmark: upload and download throughput of a large document (bench/README.md, "Documents").
            await DocumentThroughput.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
