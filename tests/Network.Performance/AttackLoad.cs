using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Network.Contracts.Catalogue;

namespace Network.Performance;

/// <summary>
/// The <c>attacks</c> command's load run: <see cref="AttackOptions.Clients"/> clients (half GraphQL, half OData) send the
/// most expensive queries the hub accepts, each in a closed loop, for <see cref="AttackOptions.LoadDuration"/>, while one
/// client polls the liveness endpoint every 100 ms and a node publishes signed snapshots over <c>POST /api/snapshots</c>
/// with 4 requests in flight. Ingestion is measured the same way without the load first; the ratio is the issue's
/// "ingestion keeps at least half its unloaded rate".
/// </summary>
public static class AttackLoad
{
    private const int Posters = 4;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs it on a hub of its own and prints its tables.</summary>
    public static async Task RunAsync(string hubDll, HubStore store, AttackOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var big = store.BigStorePath is not null;
        output.WriteLine();
        output.WriteLine($"### Load run: {options.Clients} clients for {options.LoadDuration.TotalSeconds:0} s, liveness polled every {PollEvery.TotalMilliseconds:0} ms, ingestion over HTTP ({(big ? "big store" : "demo store")})");
        output.WriteLine();

        // Anonymous callers are limited per address (600 a minute by default); the load comes from one address here,
        // where an attacker would use many, so the per-address limit is lifted for this hub.
        var (hub, secret) = await AttackBenchmark.StartHubAsync(hubDll, store, big, new Dictionary<string, string>
        {
            ["Network:RateLimits:Anonymous:PermitLimit"] = "100000000",
        });
        await using var stopped = hub;
        using var http = AttackBenchmark.ClientOf(hub);
        using var liveHttp = AttackBenchmark.ClientOf(hub);
        using var ingestHttp = AttackBenchmark.ClientOf(hub);

        var queries = await LoadQueriesAsync(http);
        var liveness = await LivenessPathAsync(liveHttp, options);
        output.WriteLine($"- GraphQL clients send: `{LoadQueries.GraphQLText}` (variables: {queries.GraphQLVariables})");
        output.WriteLine($"- OData clients send: `GET /{queries.ODataPage}` (one page)");
        output.WriteLine($"- liveness: `GET /{liveness}`; ingestion: {Posters} concurrent `POST /api/snapshots` of signed 111-value snapshots (node token of {store.Publisher.CityId})");
        output.WriteLine("- the anonymous per-address rate limit is lifted for this hub (`Network:RateLimits:Anonymous:PermitLimit=100000000`): one address stands for many");
        foreach (var (kind, warm) in new[] { ("GraphQL", queries.GraphQL()), ("OData", queries.OData()) })
        {
            var sent = Stopwatch.GetTimestamp();
            var answer = await AttackRequests.SendAsync(http, warm, options.Timeout);
            output.WriteLine($"- {kind} alone (warm-up, no ingestion): {answer} in {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:N0} ms");
        }

        var token = await AttackRequests.TokenAsync(ingestHttp, store.PublisherClientId, secret);
        var catalogue = KpiCatalogue.Default;

        // Unloaded: liveness alone, then ingestion alone.
        var idleLiveness = await PollAsync(liveHttp, liveness, TimeSpan.FromSeconds(5), options.Timeout, CancellationToken.None);
        var unloadedPool = Sign(store, catalogue, Math.Max(300, (int)(options.IngestDuration.TotalSeconds * 100)), 0);
        var unloaded = await IngestAsync(ingestHttp, token, unloadedPool, options.IngestDuration, options.Timeout);
        output.WriteLine($"- unloaded ingestion: {unloaded.Describe()}");

        var loadedPool = Sign(store, catalogue, (int)Math.Clamp(unloaded.Rate * options.LoadDuration.TotalSeconds * 1.3 + 200, 500, 30_000), unloadedPool.Length);
        var cpuBefore = hub.Sample();
        var runStarted = Stopwatch.GetTimestamp();
        var graphql = new Latencies("GraphQL");
        var odata = new Latencies("OData");
        var clients = Enumerable.Range(0, options.Clients).Select(i => i % 2 == 0
            ? LoopAsync(http, queries.GraphQL, graphql, options.LoadDuration, options.Timeout)
            : LoopAsync(http, queries.OData, odata, options.LoadDuration, options.Timeout)).ToList();
        var livenessTask = PollAsync(liveHttp, liveness, options.LoadDuration, options.Timeout, CancellationToken.None);
        var loadedTask = IngestAsync(ingestHttp, token, loadedPool, options.LoadDuration, options.Timeout);
        await Task.WhenAll(clients);
        var loadedLiveness = await livenessTask;
        var loaded = await loadedTask;
        var cpuAfter = hub.Sample();
        var wall = Stopwatch.GetElapsedTime(runStarted).TotalSeconds;
        output.WriteLine($"- loaded ingestion: {loaded.Describe()}");

        output.WriteLine();
        output.WriteLine("| during the load run | requests | answers | p50 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---|---:|---:|---:|");
        foreach (var l in new[] { graphql, odata })
        {
            output.WriteLine(l.Row($"{l.Name}: {options.Clients / 2 + (l == graphql ? options.Clients % 2 : 0)} clients"));
        }

        output.WriteLine(idleLiveness.Row($"`/{liveness}` without load"));
        output.WriteLine(loadedLiveness.Row($"`/{liveness}` during the load"));
        output.WriteLine();
        output.WriteLine("| ingestion over `POST /api/snapshots` | snapshots accepted | answers | snapshots/s |");
        output.WriteLine("|---|---:|---|---:|");
        output.WriteLine($"| without load ({unloaded.Seconds:0} s) | {unloaded.Accepted:N0} | {unloaded.Outcomes} | {unloaded.Rate:0.0} |");
        output.WriteLine($"| during the load ({loaded.Seconds:0} s) | {loaded.Accepted:N0} | {loaded.Outcomes} | {loaded.Rate:0.0} |");
        var ratio = unloaded.Rate > 0 ? loaded.Rate / unloaded.Rate : double.NaN;
        output.WriteLine($"| **during / without** | | | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}** |");
        output.WriteLine();
        output.WriteLine($"- the hub used {(cpuAfter.Cpu - cpuBefore.Cpu).TotalSeconds / wall:0.00} cores on average during the load run ({Environment.ProcessorCount} on the machine, shared with this client); peak RSS {cpuAfter.PeakRss / (1024.0 * 1024):N0} MB");
        output.WriteLine($"- goals (issue 11): liveness p99 < 100 ms under load: **{(loadedLiveness.P99 < 100 ? "met" : "not met")}** ({loadedLiveness.P99:0} ms); " +
                         $"ingestion ≥ half its unloaded rate: **{(ratio >= 0.5 ? "met" : "not met")}** ({ratio.ToString("0.00", CultureInfo.InvariantCulture)})");
    }

    // The most expensive queries the hub accepts: a 20-city comparison of every KPI with every engine column plus the
    // top-100 complementary peers of one city, and one page (the default 1,000 rows) of current values with the
    // engine's columns. The cities and period are read from the hub, so the queries fit whichever store it runs on.
    private static async Task<LoadQueries> LoadQueriesAsync(HttpClient http)
    {
        using var periods = await GraphQLDataAsync(http, "{ periods }", null);
        var period = periods.RootElement.GetProperty("data").GetProperty("periods").EnumerateArray().Select(p => p.GetInt32()).DefaultIfEmpty(2020).Max();

        // Only cities that reported in the period: compare refuses a city without values for it.
        using var reported = await GraphQLDataAsync(http, "query($p: Int!) { cities(first: 500) { id snapshots(period: $p, first: 1) { id } } }", new { p = period });
        var all = reported.RootElement.GetProperty("data").GetProperty("cities").EnumerateArray()
            .Where(c => c.GetProperty("snapshots").GetArrayLength() > 0)
            .Select(c => c.GetProperty("id").GetString()!)
            .ToList();
        if (all.Count == 0)
        {
            throw new InvalidOperationException($"No city reported for {period}: nothing to compare.");
        }

        var count = Math.Min(20, all.Count);
        var cities = Enumerable.Range(0, count).Select(i => all[i * all.Count / count]).ToList();
        var peersCity = all.Contains(AttackRequests.DemoCity) ? AttackRequests.DemoCity : cities[0];
        return new LoadQueries(cities, period, peersCity);
    }

    private static async Task<JsonDocument> GraphQLDataAsync(HttpClient http, string query, object? variables)
    {
        using var request = AttackRequests.GraphQL(query, variables);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
        {
            json.Dispose();
            throw new InvalidOperationException($"The hub did not answer `{query}`: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }

        return json;
    }

    private static async Task<string> LivenessPathAsync(HttpClient http, AttackOptions options)
    {
        if (options.Liveness != "auto")
        {
            return options.Liveness.TrimStart('/');
        }

        var answer = await AttackRequests.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "health/live"), options.Timeout);
        return answer == "200" ? "health/live" : "health";
    }

    private static async Task LoopAsync(HttpClient http, Func<HttpRequestMessage> request, Latencies latencies, TimeSpan duration, TimeSpan timeout)
    {
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            var sent = Stopwatch.GetTimestamp();
            var answer = await AttackRequests.SendAsync(http, request(), timeout);
            latencies.Add(answer, Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (answer != "200")
            {
                await Task.Delay(50); // a refusal (503, 429) comes back at once: do not spin on it
            }
        }
    }

    private static async Task<Latencies> PollAsync(HttpClient http, string path, TimeSpan duration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var latencies = new Latencies("liveness");
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            var answer = await AttackRequests.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path), timeout);
            var took = Stopwatch.GetElapsedTime(sent);
            latencies.Add(answer, took.TotalMilliseconds);
            if (took < PollEvery)
            {
                await Task.Delay(PollEvery - took, cancellationToken);
            }
        }

        return latencies;
    }

    // Snapshots of a city that is not in any comparison, for periods no query asks for, each with its own id.
    private static string[] Sign(HubStore store, KpiCatalogue catalogue, int count, int offset) =>
        Enumerable.Range(offset, count).Select(i => ComparisonNetwork.Sign(store.Publisher, 7_777, 1990 + i % 31, catalogue)).ToArray();

    private static async Task<IngestionResult> IngestAsync(HttpClient http, string token, string[] pool, TimeSpan duration, TimeSpan timeout)
    {
        var outcomes = new Outcomes();
        var next = -1;
        var accepted = 0;
        var started = Stopwatch.GetTimestamp();
        var ended = started;
        await Task.WhenAll(Enumerable.Range(0, Posters).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while (Stopwatch.GetElapsedTime(started) < duration && (i = Interlocked.Increment(ref next)) < pool.Length)
            {
                var answer = await AttackRequests.SendAsync(http, AttackRequests.Snapshot(pool[i], token), timeout);
                outcomes.Add(answer);
                if (answer == "202")
                {
                    Interlocked.Increment(ref accepted);
                }

                Interlocked.Exchange(ref ended, Stopwatch.GetTimestamp());
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started, ended).TotalSeconds;
        return new IngestionResult(accepted, outcomes, seconds, pool.Length);
    }

    private sealed record IngestionResult(int Accepted, Outcomes Outcomes, double Seconds, int Pool)
    {
        public double Rate => Seconds > 0 ? Accepted / Seconds : 0;

        public string Describe() =>
            $"{Accepted:N0} accepted in {Seconds:0.0} s = {Rate:0.0} snapshots/s ({Outcomes}){(Outcomes.Total >= Pool ? $"; all {Pool:N0} pre-signed snapshots sent before the time was up" : "")}";
    }

    private sealed record LoadQueries(IReadOnlyList<string> Cities, int Period, string PeersCity)
    {
        public const string GraphQLText =
            "query Load($cities: [ID!]!, $period: Int!, $city: ID!) { compare(cities: $cities, period: $period) { period cities { id name reported } " +
            "rows { kpiCode dataPoint unit reportingCount networkMedian cells { cityId value percentOfTarget points band rank percentile quality verified } } } " +
            "peers(city: $city, limit: 100) { cityId rank match { mutual sharedKpis summary } } }";

        public string GraphQLVariables => JsonSerializer.Serialize(new { cities = $"{Cities.Count} cities ({string.Join(", ", Cities.Take(3))}, …)", period = Period, city = PeersCity });

        public string ODataPage =>
            "odata/KpiValues?$filter=" + Uri.EscapeDataString($"Current eq true and Period eq {Period}") +
            "&$select=CityId,KpiCode,DataPoint,Value,Unit,Quality,Verified,Score,Points,Band,Rank,Percentile,NetworkMedian,ReportingCities";

        public HttpRequestMessage GraphQL() => AttackRequests.GraphQL(GraphQLText, new { cities = Cities, period = Period, city = PeersCity });

        public HttpRequestMessage OData() => new(HttpMethod.Get, ODataPage);
    }

    private sealed class Latencies(string name)
    {
        private readonly List<double> _ms = [];
        private readonly Outcomes _outcomes = new();

        public string Name => name;

        public double P99 => Percentile(99);

        public void Add(string answer, double ms)
        {
            _outcomes.Add(answer);
            lock (_ms)
            {
                _ms.Add(ms);
            }
        }

        public string Row(string label) =>
            $"| {label} | {_outcomes.Total:N0} | {_outcomes} | {Percentile(50):0} | {Percentile(99):0} | {Percentile(100):0} |";

        private double Percentile(double percent)
        {
            lock (_ms)
            {
                if (_ms.Count == 0)
                {
                    return double.NaN;
                }

                var sorted = _ms.Order().ToArray();
                return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
            }
        }
    }
}
