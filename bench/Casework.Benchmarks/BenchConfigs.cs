using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Casework.Benchmarks;

/// <summary>
/// Shared by both configs: benchmarks run in-process (InProcessEmitToolchain). BenchmarkDotNet's default builds a
/// separate boilerplate project per run; on this shared 2-core machine that build alone exceeded its 2-minute
/// timeout. In-process costs some isolation (all benchmarks share one process, GC and JIT state), which matters
/// little here: each benchmark does its own warm-up, and the persisted ones each get their own fresh database.
/// </summary>
internal static class BenchJobs
{
    public static Job InProcess(this Job job) => job.WithToolchain(InProcessEmitToolchain.Instance);
}

/// <summary>
/// In-memory micro benchmarks: one launch, 3 warm-up and 10 measured iterations of ~250 ms each. Fewer than
/// BenchmarkDotNet's default (which adapts up to 100 iterations) so that the whole suite finishes in minutes
/// on a shared 2-core machine; 10 iterations still give a usable error column at nanosecond scale.
/// </summary>
public sealed class InMemoryConfig : ManualConfig
{
    public InMemoryConfig()
    {
        AddJob(Job.Default
            .WithId("InMemory")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .InProcess());
    }
}

/// <summary>
/// Persisted macro benchmarks: every invocation runs <see cref="PersistedTransitionBenchmarks.Batch"/> transitions
/// (one transaction each) and is reported per transition (OperationsPerInvoke). Monitoring strategy: no pilot
/// stage and no overhead subtraction, which is right for millisecond operations with real I/O; 2 warm-up and
/// 10 measured invocations keep one benchmark near 15 s.
/// </summary>
public sealed class PersistedConfig : ManualConfig
{
    public PersistedConfig()
    {
        AddJob(Job.Default
            .WithId("Persisted")
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .InProcess());
    }
}
