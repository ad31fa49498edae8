using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Network.Performance;

/// <summary>
/// A job for long operations: each invocation publishes and waits for thousands of snapshots (about a second or
/// more), so no pilot stage and no unrolling, one invocation per iteration (<see cref="RunStrategy.Monitoring"/>),
/// a few iterations. In process: the hub, the publisher and the broker client share this process, as the hub's own
/// process would share its machine; no separate benchmark project is generated and built.
/// </summary>
public sealed class IngestionConfig : ManualConfig
{
    /// <summary>Warm-up iterations.</summary>
    public const int WarmupCount = 2;

    /// <summary>Measured iterations.</summary>
    public const int IterationCount = 10;

    /// <summary>Invocations of one benchmark: the warm-up and the measured iterations (no pilot, no jitting stage).</summary>
    public const int InvocationsPerBenchmark = WarmupCount + IterationCount;

    /// <summary>Creates the configuration.</summary>
    public IngestionConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
            .WithId("Monitoring"));
        // The median beside the mean: on a shared two-core machine one iteration can stall (another process, the
        // broker's flow control), which moves the mean but not the median.
        AddColumn(StatisticColumn.Median, new SnapshotsPerSecondColumn(), new RateVersusBaselineColumn());
    }
}
