using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Network.Performance;

/// <summary>
/// Issue 14's benchmark: the city profile page, <c>GET /cities/{cityId}</c>, on the comparison benchmark's 1,000-city,
/// 5-period database, against ONE GraphQL query carrying the same data, both over real HTTP to the same hub in the same
/// run; p50 and p99 with 1 client and with a few concurrent clients, over several cities spread through the network.
/// Server time is taken as the client sees it over loopback: from the request sent to the last byte of the response
/// body read.
/// <code>dotnet run -c Release --project tests/Network.Performance -- profile [options]</code>
/// The options are the <c>compare</c> mode's (<see cref="ComparisonOptions"/>); <c>--compare N</c> is the number of
/// profiled cities.
/// </summary>
public static partial class ProfileBenchmark
{
    private const int FirstPeriod = 2021;

    /// <summary>The defaults of this mode: 8 cities, 1 and 4 clients, short runs (the machine is shared).</summary>
    public static ComparisonOptions Defaults { get; } = new()
    {
        Compared = 8,
        Clients = [1, 4],
        Requests = 100,
        PerClient = 25,
        Warmup = 16,
        Budget = TimeSpan.FromSeconds(15),
    };

    /// <summary>Runs the benchmark with the command-line arguments after <c>profile</c>; prints markdown.</summary>
    public static async Task RunAsync(string[] args)
    {
        var options = ComparisonOptions.Parse(args, Defaults);
        var network = new ComparisonNetwork(options.Cities, FirstPeriod, options.Periods);
        var output = Console.Out;
        output.WriteLine("## City profile page benchmark");
        output.WriteLine();
        foreach (var line in MachineInfo.Describe())
        {
            output.WriteLine(line);
        }

        await using var hub = await ComparisonBenchmark.StartHubAsync(options, network, output);
        using var http = ComparisonBenchmark.ClientOf(hub, options);
        var cities = network.SpreadCities(options.Compared);
        var period = options.Period ?? network.LastPeriod;
        var page = new ProfilePageWay(http, cities);
        var graphQL = new GraphQLProfileWay(http, cities, period);
        output.WriteLine();
        output.WriteLine($"Profiles of {cities.Count} cities ({string.Join(", ", cities)}), period {period} (the latest), default target set; hub at {hub.BaseAddress}");
        output.WriteLine("GraphQL query (one POST per profile):");
        output.WriteLine("```graphql");
        output.WriteLine(GraphQLProfileWay.Query.TrimEnd());
        output.WriteLine("```");

        await CheckAgreementAsync(page, graphQL, cities, period, output);
        IComparisonWay[] ways = [page, graphQL];
        var results = new List<LoadResult>();
        output.WriteLine();
        foreach (var clients in options.Clients)
        {
            foreach (var way in ways)
            {
                await LoadRun.RunAsync(way, clients, options.WarmupPerClient(clients), options.Budget / 3);
                var result = await LoadRun.RunAsync(way, clients, options.RequestsPerClient(clients), options.Budget);
                results.Add(result);
                output.WriteLine($"  {way.Name}, {clients} client(s): p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms, {result.Errors} error(s)");
            }
        }

        output.WriteLine();
        PrintResults(results, graphQL.Name, output);
        output.WriteLine();
        output.WriteLine($"Load average at the end: {MachineInfo.LoadAverage()}");

        var worst = results.Where(r => r.Way == page.Name).Max(r => r.P50 / results.Single(g => g.Way == graphQL.Name && g.Clients == r.Clients).P50);
        if (options.Profile || worst > 2)
        {
            output.WriteLine();
            output.WriteLine(options.Profile ? "Profile (asked for):" : $"The page is {worst:0.0}× the GraphQL query at p50 (goal ≤ 2×): profiling where its time goes.");
            await ProfilePageProfile.RunAsync(ways, output);
        }
    }

    // Both must show the same numbers, or the timings compare different work: the page's figures (the shown period's
    // values, written G6) and ranks must be GraphQL's, city by city.
    private static async Task CheckAgreementAsync(ProfilePageWay page, GraphQLProfileWay graphQL, IReadOnlyList<string> cities, int period, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Same numbers both ways:");
        foreach (var city in cities)
        {
            var html = await page.PageAsync(city, CancellationToken.None);
            using var answer = await graphQL.ProfileAsync(city, CancellationToken.None);
            var node = answer.RootElement.GetProperty("data").GetProperty("city");
            var values = node.GetProperty("latest").EnumerateArray().Select(v => v.GetProperty("value").GetDouble().ToString("G6", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
            var ranks = node.GetProperty("scores").GetProperty("kpis").EnumerateArray().SelectMany(k => k.GetProperty("values").EnumerateArray())
                .Select(v => v.GetProperty("rank") is { ValueKind: JsonValueKind.Number } rank
                    ? $"{rank.GetInt32()} of {v.GetProperty("reportingCount").GetInt32()}"
                    : $"not ranked, {v.GetProperty("reportingCount").GetInt32()} reporting") // the page's words for a KPI without direction
                .Order(StringComparer.Ordinal).ToList();
            var trend = node.GetProperty("trend").GetArrayLength();
            var figures = Figure().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
            var pageRanks = Rank().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
            var same = values.SequenceEqual(figures, StringComparer.Ordinal) && ranks.SequenceEqual(pageRanks, StringComparer.Ordinal) && html.Contains($"<option value=\"{period}\" selected", StringComparison.Ordinal);
            output.WriteLine($"  {city}: page {html.Length / 1024.0:0} KiB, {figures.Count} values, {pageRanks.Count} ranks; GraphQL {answer.RootElement.GetRawText().Length / 1024.0:0} KiB, {values.Count} values, {ranks.Count} ranks, {trend} trend points — {(same ? "same" : "DIFFERENT")}");
            if (!same || values.Count == 0)
            {
                throw new InvalidOperationException($"The page of {city} does not show GraphQL's numbers for {period}: the timings would compare different answers.");
            }
        }
    }

    private static void PrintResults(IReadOnlyList<LoadResult> results, string baselineName, TextWriter output)
    {
        output.WriteLine("| way | clients | requests | p50 ms | p99 ms | mean ms | profiles/s | errors | p50 / GraphQL p50 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = (r.P50 / results.Single(b => b.Way == baselineName && b.Clients == r.Clients).P50).ToString("0.00", CultureInfo.InvariantCulture);
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

    [GeneratedRegex("""<span class="figure">([^<]*)</span>""")]
    private static partial Regex Figure();

    [GeneratedRegex("""<span class="rank">([^<]*)</span>""")]
    private static partial Regex Rank();
}

/// <summary>Where the page's and the GraphQL query's time goes, one client at a time: the hub's request time and its SQL commands per profile.</summary>
public static class ProfilePageProfile
{
    private const int Rounds = 20;

    /// <summary>Profiles each way; prints markdown.</summary>
    public static async Task RunAsync(IReadOnlyList<IComparisonWay> ways, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(ways);
        ArgumentNullException.ThrowIfNull(output);
        using var log = new HubActivityLog();
        output.WriteLine();
        output.WriteLine($"Per profile, {Rounds} in a row from one client (SQL ms = executing each command plus reading its rows):");
        output.WriteLine();
        output.WriteLine("| way | client p50 ms | hub ms (request in → response written) | SQL commands | SQL ms |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        var commands = new List<(string Way, string Command, TallyTotals Totals)>();
        foreach (var way in ways)
        {
            for (var i = 0; i < 3; i++)
            {
                await way.FetchAsync(CancellationToken.None);
            }

            log.Reset();
            var times = new double[Rounds];
            for (var i = 0; i < Rounds; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await way.FetchAsync(CancellationToken.None);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var hubMs = log.Requests.Values.Sum(r => r.Totals.Milliseconds) / Rounds;
            var sql = log.Commands.Select(c => (Command: c.Key, c.Value.Totals)).ToList();
            output.WriteLine($"| {way.Name} | {times.Order().ElementAt((Rounds - 1) / 2):0.0} | {hubMs:0.0} | {sql.Sum(c => c.Totals.Count) / (double)Rounds:0.#} | " +
                             $"{sql.Sum(c => c.Totals.Milliseconds + c.Totals.ReaderMilliseconds) / Rounds:0.0} |");
            commands.AddRange(sql.Select(c => (way.Name, c.Command, c.Totals)));
        }

        output.WriteLine();
        output.WriteLine("| way | command (start) | per profile | execute ms | read ms |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var (way, command, totals) in commands.OrderBy(c => c.Way, StringComparer.Ordinal).ThenByDescending(c => c.Totals.Milliseconds + c.Totals.ReaderMilliseconds))
        {
            output.WriteLine($"| {way} | `{command.Replace("|", "\\|", StringComparison.Ordinal)}` | {totals.Count / (double)Rounds:0.#} | {totals.Milliseconds / Rounds:0.00} | {totals.ReaderMilliseconds / Rounds:0.00} |");
        }
    }
}
