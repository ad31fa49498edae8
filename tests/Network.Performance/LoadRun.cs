using System.Diagnostics;

namespace Network.Performance;

/// <summary>
/// Runs one way of getting the comparison from a number of concurrent clients, each a closed loop (the next request
/// leaves when the previous answer is in, as a user's page or a dashboard refresh would), and times every request.
/// </summary>
public static class LoadRun
{
    /// <summary>
    /// <paramref name="clients"/> clients, each making <paramref name="perClient"/> requests one after another, all
    /// starting together; a client starts no new request once <paramref name="budget"/> has passed, so a slow way
    /// makes fewer requests instead of an endless run. A request that throws counts as an error; its time is
    /// recorded like any other.
    /// </summary>
    public static async Task<LoadResult> RunAsync(IComparisonWay way, int clients, int perClient, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(way);
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(
            async () =>
            {
                var mine = latencies[client] = new List<double>(perClient);
                for (var i = 0; i < perClient && Stopwatch.GetElapsedTime(started) < budget; i++)
                {
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        await way.FetchAsync(cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                    }

                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            },
            cancellationToken)));
        return new LoadResult(way.Name, clients, clients * perClient, [.. latencies.SelectMany(l => l)], Stopwatch.GetElapsedTime(started), errors, firstError);
    }
}

/// <summary>The timings of one <see cref="LoadRun"/>.</summary>
public sealed class LoadResult
{
    private readonly double[] _sorted;

    /// <summary>Summarises the latencies (ms) of one run.</summary>
    public LoadResult(string way, int clients, int planned, double[] latencies, TimeSpan wall, int errors, string? firstError)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        Way = way;
        Clients = clients;
        Planned = planned;
        _sorted = [.. latencies.Order()];
        Wall = wall;
        Errors = errors;
        FirstError = firstError;
    }

    /// <summary>The way measured.</summary>
    public string Way { get; }

    /// <summary>Concurrent clients.</summary>
    public int Clients { get; }

    /// <summary>Requests the run was to make; more than <see cref="Requests"/> when the time budget ran out first.</summary>
    public int Planned { get; }

    /// <summary>Requests made (comparisons fetched).</summary>
    public int Requests => _sorted.Length;

    /// <summary>From the first request sent to the last answer in.</summary>
    public TimeSpan Wall { get; }

    /// <summary>Requests that failed.</summary>
    public int Errors { get; }

    /// <summary>The first failure, described; null when none failed.</summary>
    public string? FirstError { get; }

    /// <summary>The median latency, ms.</summary>
    public double P50 => Percentile(50);

    /// <summary>The 99th-percentile latency, ms.</summary>
    public double P99 => Percentile(99);

    /// <summary>The mean latency, ms.</summary>
    public double Mean => _sorted.Average();

    /// <summary>Comparisons answered per second, all clients together.</summary>
    public double Throughput => Requests / Wall.TotalSeconds;

    /// <summary>The nearest-rank percentile: the smallest latency at least <paramref name="percent"/> % of requests did not exceed.</summary>
    public double Percentile(double percent) => _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
