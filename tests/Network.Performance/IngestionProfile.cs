using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Network.Hub.Ingestion;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// What limits the ingestion rate: runs the <see cref="IngestionBenchmarks.Ingestion"/> workload outside
/// BenchmarkDotNet a few rounds and splits the time by the hub's own phase metrics (<see cref="IngestionMetrics"/>),
/// with the CPU time of this process (hub and node) and of the broker.
/// <code>dotnet run -c Release --project tests/Network.Performance -- profile [--snapshots 2000] [--rounds 4] [--set Network:Bus:BatchSize=128]</code>
/// </summary>
public static class IngestionProfile
{
    /// <summary>Runs the profile with the command-line arguments after <c>profile</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var snapshots = IngestionBenchmarks.Snapshots;
        var rounds = 4;
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--snapshots": snapshots = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--set":
                    var pair = args[++i].Split('=', 2);
                    settings[pair[0]] = pair[1];
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        using var city = TestCity.Trondheim();
        Console.WriteLine($"Signing {rounds + 1} × {snapshots:N0} snapshots of 91 values…");
        var batches = Enumerable.Range(0, rounds + 1).Select(_ => FullSnapshots.Sign(city, snapshots)).ToList();
        Console.WriteLine($"JWS size: {batches[0][0].Length:N0} characters");

        await using var rig = await IngestionRig.StartAsync(city, settings);
        using var phases = new PhaseListener();

        // Round 0 warms up (JIT, EF's query and update pipelines, connections) and is not counted.
        await rig.IngestAsync(batches[0], IngestionBenchmarks.InFlight, TimeSpan.FromMinutes(5));
        Console.WriteLine("warm-up round done");

        phases.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var broker = BrokerCpu();
        var gcPause = GC.GetTotalPauseDuration();
        var gcCounts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = TimeSpan.Zero;
        for (var r = 1; r <= rounds; r++)
        {
            var started = Stopwatch.GetTimestamp();
            await rig.IngestAsync(batches[r], IngestionBenchmarks.InFlight, TimeSpan.FromMinutes(5));
            var elapsed = Stopwatch.GetElapsedTime(started);
            wall += elapsed;
            Console.WriteLine($"round {r}: {snapshots:N0} snapshots in {elapsed.TotalSeconds:0.000} s = {snapshots / elapsed.TotalSeconds:N0} snapshots/s");
        }

        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var brokerUsed = BrokerCpu() - broker;
        var total = snapshots * rounds;
        Console.WriteLine();
        Console.WriteLine($"{total:N0} snapshots in {wall.TotalSeconds:0.000} s = {total / wall.TotalSeconds:N0} snapshots/s; settings: " +
                          (settings.Count == 0 ? "defaults" : string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))));
        Console.WriteLine($"batches: {phases.Batches:N0}, mean size {phases.MeanBatchSize:0.0}");
        Console.WriteLine();
        Console.WriteLine("| phase (one batch at a time) | total s | % of wall | ms per batch | µs per snapshot |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var busy = 0.0;
        foreach (var phase in new[] { IngestionMetrics.PhaseVerify, IngestionMetrics.PhaseDecide, IngestionMetrics.PhaseSave, IngestionMetrics.PhaseValues, IngestionMetrics.PhaseCommit, IngestionMetrics.PhaseAnswer })
        {
            var seconds = phases.Seconds(phase);
            busy += seconds;
            Console.WriteLine($"| {phase} | {seconds:0.000} | {100 * seconds / wall.TotalSeconds:0.0} | {1000 * seconds / Math.Max(1, phases.Batches):0.00} | {1e6 * seconds / total:0} |");
        }

        var idle = wall.TotalSeconds - busy;
        Console.WriteLine($"| consumer not in a phase (waiting for a batch, MassTransit, ack) | {idle:0.000} | {100 * idle / wall.TotalSeconds:0.0} | {1000 * idle / Math.Max(1, phases.Batches):0.00} | {1e6 * idle / total:0} |");
        Console.WriteLine();
        Console.WriteLine($"CPU: this process (hub + node) {cpuUsed.TotalSeconds:0.00} s = {100 * cpuUsed.TotalSeconds / wall.TotalSeconds:0}% of one core; " +
                          $"broker {brokerUsed.TotalSeconds:0.00} s = {100 * brokerUsed.TotalSeconds / wall.TotalSeconds:0}%; " +
                          $"machine: {Environment.ProcessorCount} cores = {100 * Environment.ProcessorCount}%; " +
                          $"CPU per snapshot: this process {1e6 * cpuUsed.TotalSeconds / total:0} µs, broker {1e6 * brokerUsed.TotalSeconds / total:0} µs");
        Console.WriteLine($"load average (1, 5, 15 min) at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"GC: pause {(GC.GetTotalPauseDuration() - gcPause).TotalSeconds:0.000} s; collections gen0 {GC.CollectionCount(0) - gcCounts.Item1}, " +
                          $"gen1 {GC.CollectionCount(1) - gcCounts.Item2}, gen2 {GC.CollectionCount(2) - gcCounts.Item3}");
    }

    // utime + stime of the Erlang VM (beam.smp) from /proc, in clock ticks of 10 ms; zero when not found.
    private static TimeSpan BrokerCpu()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "beam.smp")
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private sealed class PhaseListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, double> _seconds = new();
        private long _batches;
        private long _submissions;

        public PhaseListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IngestionMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "phase" && tag.Value is string phase)
                    {
                        _seconds.AddOrUpdate(phase, value, (_, sum) => sum + value);
                    }
                }
            });
            _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
            {
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _submissions, value);
            });
            _listener.Start();
        }

        public long Batches => Interlocked.Read(ref _batches);

        public double MeanBatchSize => Batches == 0 ? 0 : (double)Interlocked.Read(ref _submissions) / Batches;

        public double Seconds(string phase) => _seconds.GetValueOrDefault(phase);

        public void Reset()
        {
            _seconds.Clear();
            Interlocked.Exchange(ref _batches, 0);
            Interlocked.Exchange(ref _submissions, 0);
        }

        public void Dispose() => _listener.Dispose();
    }
}
