using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;

namespace Network.Performance;

/// <summary>
/// Issue 6's benchmark: a 20-city × 91-KPI comparison for one period of a 1,000-city, 5-period network, through
/// GraphQL and through OData over real HTTP, against the same values read by a direct EF Core query in the same run;
/// p50 and p99 with 1 and with 32 concurrent clients.
/// <code>dotnet run -c Release --project tests/Network.Performance -- compare [options]</code>
/// A load harness rather than a BenchmarkDotNet benchmark: BenchmarkDotNet times one operation at a time and
/// reports means and their error, while the question here is the latency distribution (p50, p99) and the errors
/// while 32 clients hit the hub at once, which needs every request timed under concurrent load.
/// </summary>
public static class ComparisonBenchmark
{
    private const int FirstPeriod = 2021;

    /// <summary>Runs the benchmark with the command-line arguments after <c>compare</c>; prints markdown.</summary>
    public static async Task RunAsync(string[] args)
    {
        var options = ComparisonOptions.Parse(args);
        var network = new ComparisonNetwork(options.Cities, FirstPeriod, options.Periods);
        var output = Console.Out;
        output.WriteLine("## Comparison benchmark");
        output.WriteLine();
        foreach (var line in MachineInfo.Describe())
        {
            output.WriteLine(line);
        }

        await using var hub = await StartHubAsync(options, network, output);
        using var http = ClientOf(hub, options);

        var catalogue = hub.Services.GetRequiredService<KpiCatalogue>();
        var query = new ComparisonQuery(
            network.SpreadCities(options.Compared), catalogue.All.Select(k => k.Code).ToArray(), options.Period ?? network.LastPeriod, options.ValuesOnly);
        var direct = new DirectComparison(hub.Services, query);
        var narrowed = new DirectComparison(hub.Services, query, narrowed: true);
        var odata = new ODataComparison(http, query);
        IComparisonWay[] apis = [new GraphQLComparison(http, query), odata];
        IComparisonWay[] ways = [direct, narrowed, .. apis];

        output.WriteLine();
        output.WriteLine($"Comparison: {query.CityIds.Count} cities ({string.Join(", ", query.CityIds.Take(3))}, …) × {query.Kpis.Count} KPIs, period {query.Period}, " +
                         (query.ValuesOnly ? "values only" : "values with scores, bands, ranks, percentiles and medians") + $"; hub at {hub.BaseAddress}");
        output.WriteLine($"OData first page: /{odata.FirstPage}");
        foreach (var way in new[] { direct, narrowed })
        {
            output.WriteLine($"{way.Name}, SQL:");
            output.WriteLine("```sql");
            output.WriteLine(way.Sql());
            output.WriteLine("```");
            output.WriteLine($"SQLite's plan for it: {string.Join("; ", await way.QueryPlanAsync())}");
        }

        await CheckAgreementAsync(ways, output);
        var results = await MeasureAsync(ways, options, output);

        output.WriteLine();
        PrintResults(results, direct.Name, narrowed.Name, output);
        output.WriteLine();
        output.WriteLine($"Load average at the end: {MachineInfo.LoadAverage()}");

        var worst = results.Where(r => apis.Any(a => a.Name == r.Way))
            .Max(r => r.P50 / results.Single(d => d.Way == direct.Name && d.Clients == r.Clients).P50);
        if (options.Profile || worst > 2)
        {
            output.WriteLine();
            output.WriteLine(options.Profile ? "Profile (asked for):" : $"An API is {worst:0.0}× the direct query at p50 (goal ≤ 2×): profiling where its time goes.");
            await ComparisonProfile.RunAsync(hub.Services, query, ways, output);
        }
    }

    /// <summary>A client with a connection per concurrent client, for the hub <paramref name="hub"/>.</summary>
    internal static HttpClient ClientOf(ComparisonHub hub, ComparisonOptions options) =>
        new(new SocketsHttpHandler
        {
            // A connection per client: requests would otherwise queue in the client and be timed as the hub's.
            MaxConnectionsPerServer = Math.Max(64, options.Clients.Max()),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        })
        {
            BaseAddress = hub.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    // Every way at every concurrency, each after a warm-up of its own.
    private static async Task<List<LoadResult>> MeasureAsync(IComparisonWay[] ways, ComparisonOptions options, TextWriter output)
    {
        output.WriteLine();
        var results = new List<LoadResult>();
        foreach (var clients in options.Clients)
        {
            foreach (var way in ways)
            {
                // A round of many clients of a slow way takes minutes; the smaller runs have warmed it up already
                // (JIT, caches, connections), so only its first requests of this run also grow the thread pool.
                var single = results.FirstOrDefault(r => r.Way == way.Name);
                var round = single is null ? TimeSpan.Zero : TimeSpan.FromMilliseconds(single.P50 * clients / Environment.ProcessorCount);
                if (round <= options.Budget / 3)
                {
                    await LoadRun.RunAsync(way, clients, options.WarmupPerClient(clients), options.Budget / 3);
                }
                else
                {
                    output.WriteLine($"  {way.Name}, {clients} clients: no warm-up (one round would take about {round.TotalSeconds:0} s)");
                }

                var result = await LoadRun.RunAsync(way, clients, options.RequestsPerClient(clients), options.Budget);
                results.Add(result);
                output.WriteLine($"  {way.Name}, {clients} client(s): p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, {result.Errors} error(s)");
            }
        }

        return results;
    }

    // Reuses the database when it is current, else builds it through the running hub (which migrates it first).
    internal static async Task<ComparisonHub> StartHubAsync(ComparisonOptions options, ComparisonNetwork network, TextWriter output)
    {
        var path = options.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var reuse = !options.Rebuild && ComparisonDatabase.IsCurrent(path, network);
        if (!reuse)
        {
            ComparisonDatabase.Delete(path);
        }

        var hub = new ComparisonHub(path);
        hub.Start();
        output.WriteLine();
        if (reuse)
        {
            output.WriteLine($"Database: {path}, reused (built {File.GetLastWriteTimeUtc(path + ".version"):u}; {ComparisonDatabase.VersionOf(network)}; --rebuild builds it again)");
        }
        else
        {
            output.WriteLine($"Database: {path}, building {network.CityCount:N0} cities × {network.PeriodCount} periods through the hub's ingestion pipeline…");
            var took = await ComparisonDatabase.FillAsync(hub.Services, path, network, output);
            output.WriteLine($"Database built in {took.TotalSeconds:0.0} s ({new FileInfo(path).Length / 1e6:0} MB, plus {WalSize(path) / 1e6:0} MB of WAL)");
        }

        return hub;
    }

    private static long WalSize(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;

    // All three must return the same cells with the same values, or the timings compare different answers.
    private static async Task CheckAgreementAsync(IComparisonWay[] ways, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Same answer from every way:");
        var baseline = await ways[0].ReadValuesAsync(CancellationToken.None);
        output.WriteLine($"  {ways[0].Name}: {baseline.Count:N0} values");
        foreach (var way in ways.Skip(1))
        {
            var values = await way.ReadValuesAsync(CancellationToken.None);
            var missing = baseline.Keys.Where(k => !values.ContainsKey(k)).ToList();
            var extra = values.Keys.Where(k => !baseline.ContainsKey(k)).ToList();
            var different = baseline.Where(b => values.TryGetValue(b.Key, out var v) && !Same(v, b.Value)).ToList();
            output.WriteLine($"  {way.Name}: {values.Count:N0} values, {missing.Count} missing, {extra.Count} extra, {different.Count} different");
            if (missing.Count + extra.Count + different.Count > 0 || baseline.Count == 0)
            {
                var example = different.Select(d => $"{d.Key} is {d.Value} directly but {values[d.Key]}").Concat(missing.Select(m => $"{m} missing"))
                    .Concat(extra.Select(e => $"{e} extra")).FirstOrDefault() ?? "no values at all";
                throw new InvalidOperationException($"{way.Name} does not give the direct query's answer: e.g. {example}.");
            }
        }
    }

    // JSON carries doubles in their shortest round-trip form, so they should be equal; allow the last digit anyway.
    private static bool Same(double a, double b) => a == b || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    private static void PrintResults(IReadOnlyList<LoadResult> results, string baselineName, string narrowedName, TextWriter output)
    {
        output.WriteLine("| way | clients | requests | p50 ms | p99 ms | mean ms | comparisons/s | errors | p50 / direct p50 | p50 / narrowed direct p50 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            string Ratio(string baseline) => (r.P50 / results.Single(b => b.Way == baseline && b.Clients == r.Clients).P50).ToString("0.00", CultureInfo.InvariantCulture);
            var ratio = $"{Ratio(baselineName)} | {Ratio(narrowedName)}";
            var requests = r.Requests < r.Planned ? $"{r.Requests:N0} of {r.Planned:N0}" : $"{r.Requests:N0}";
            output.WriteLine($"| {r.Way} | {r.Clients} | {requests} | {r.P50:0.0} | {r.P99:0.0} | {r.Mean:0.0} | {r.Throughput:0.0} | {r.Errors} | {ratio} |");
        }

        if (results.Any(r => r.Requests < r.Planned))
        {
            output.WriteLine("- \"n of m\": the run's time budget (--seconds) ran out after n of the m requests planned.");
        }

        foreach (var failed in results.Where(r => r.Errors > 0))
        {
            output.WriteLine($"- {failed.Way}, {failed.Clients} clients: {failed.Errors} error(s), the first: {failed.FirstError}");
        }
    }
}
