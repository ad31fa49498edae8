using System.Diagnostics;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Comparison;
using Network.Hub.Embargo;
using Network.Hub.GraphQL;
using Network.Hub.OData;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Performance;

/// <summary>
/// Where an API's time goes, one client at a time: for each way, the hub's request time and its SQL commands per
/// comparison (from <see cref="HubActivityLog"/>), then the pieces of the GraphQL answer timed in process (the
/// comparison table, GraphQL's execution, serialisation) and the OData feed's engine load.
/// </summary>
public static class ComparisonProfile
{
    private const int Rounds = 30;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    /// <summary>Profiles every way in <paramref name="ways"/> and the APIs' pieces; prints markdown.</summary>
    public static async Task RunAsync(IServiceProvider hub, ComparisonQuery query, IReadOnlyList<IComparisonWay> ways, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(ways);
        ArgumentNullException.ThrowIfNull(output);
        using var log = new HubActivityLog();
        output.WriteLine();
        output.WriteLine($"Per comparison, up to {Rounds} in a row ({Budget.TotalSeconds:0} s at most) from one client (SQL ms = executing each command plus reading its rows):");
        output.WriteLine();
        output.WriteLine("| way | comparisons | client p50 ms | HTTP requests | hub ms (request in → response written) | SQL commands | SQL ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var commands = new List<(string Way, double Rounds, string Command, TallyTotals Totals)>();
        foreach (var way in ways)
        {
            await TimeAsync(way.FetchAsync, 5);
            log.Reset();
            var client = await TimeAsync(way.FetchAsync, Rounds);
            double n = client.Length;
            var requests = log.Requests.Values.Select(r => r.Totals).ToList();
            var sql = log.Commands.Select(c => (Command: c.Key, Totals: c.Value.Totals)).ToList();
            var hubTime = requests.Count == 0 ? "–" : $"{requests.Sum(r => r.Milliseconds) / n:0.0}";
            output.WriteLine($"| {way.Name} | {client.Length} | {P50(client):0.0} | {requests.Sum(r => r.Count) / n:0.#} | " +
                             $"{hubTime} | {sql.Sum(c => c.Totals.Count) / n:0.#} | {sql.Sum(c => c.Totals.Milliseconds + c.Totals.ReaderMilliseconds) / n:0.0} |");
            commands.AddRange(sql.Select(c => (way.Name, n, c.Command, c.Totals)));
        }

        output.WriteLine();
        output.WriteLine("SQL commands per comparison:");
        output.WriteLine();
        output.WriteLine("| way | command (start) | executed | execute ms (to the first row) | read ms (rows read, materialised) |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var (way, n, command, totals) in commands.OrderBy(c => c.Way, StringComparer.Ordinal).ThenByDescending(c => c.Totals.Milliseconds + c.Totals.ReaderMilliseconds))
        {
            output.WriteLine($"| {way} | `{command.Replace("|", "\\|", StringComparison.Ordinal)}` | {totals.Count / n:0.#} | " +
                             $"{totals.Milliseconds / n:0.00} | {totals.ReaderMilliseconds / n:0.00} |");
        }

        output.WriteLine();
        output.WriteLine("The commands in full:");
        foreach (var command in commands.Select(c => c.Command).Distinct())
        {
            output.WriteLine();
            output.WriteLine("```sql");
            output.WriteLine(log.FullText(command));
            output.WriteLine("```");
        }

        await GraphQLPiecesAsync(hub, query, ways.OfType<GraphQLComparison>().Single(), output);
        await ODataPiecesAsync(hub, output);
    }

    // The GraphQL answer built in process, piece by piece: what the HTTP request adds is the difference.
    private static async Task GraphQLPiecesAsync(IServiceProvider hub, ComparisonQuery query, GraphQLComparison graphQL, TextWriter output)
    {
        var tables = hub.GetRequiredService<ComparisonTables>();
        var serializer = hub.GetRequiredService<IGraphQLTextSerializer>();
        var request = serializer.Deserialize<GraphQLRequest>(graphQL.RequestJson)!;
        var comparison = new ComparisonRequest(query.CityIds, query.Period, query.Kpis);

        var build = await TimeAsync(async ct => await tables.BuildAsync(comparison, Readership.Network, ct), Rounds);
        var scores = hub.GetRequiredService<NetworkScores>();
        var scorer = await scores.ForPeriodAsync(Readership.Network, query.Period);
        var cards = await TimeAsync(_ =>
        {
            foreach (var city in query.CityIds)
            {
                scorer.Score(city);
            }

            return Task.CompletedTask;
        }, Rounds);
        var version = await TimeAsync(async ct => await scores.ForPeriodAsync(Readership.Network, query.Period, cancellationToken: ct), Rounds);
        ExecutionResult? last = null;
        var execute = await TimeAsync(async _ => last = await ExecuteAsync(hub, request), Rounds);
        using var buffer = new MemoryStream();
        var serialize = await TimeAsync(async ct =>
        {
            buffer.SetLength(0);
            await serializer.WriteAsync(buffer, last!, ct);
        }, Rounds);
        var table = (await tables.BuildAsync(comparison, Readership.Network)).Value;

        output.WriteLine();
        output.WriteLine($"GraphQL `compare` in process ({table.Rows.Count} rows × {table.Cities.Count} cells, response {buffer.Length / 1024.0:N0} KiB):");
        output.WriteLine();
        output.WriteLine("| piece | p50 ms |");
        output.WriteLine("|---|---:|");
        output.WriteLine($"| `NetworkScores.ForPeriodAsync`, the period cached: its data-version query | {P50(version):0.00} |");
        output.WriteLine($"| `Scorer.Score` of the {query.CityIds.Count} cities (score cards with every value's explanation and the roll-ups) | {P50(cards):0.00} |");
        output.WriteLine($"| `ComparisonTables.BuildAsync` (cities query, the two lines above, cells) | {P50(build):0.00} |");
        output.WriteLine($"| GraphQL execution of the document (parse, validate, complexity, resolvers; includes the line above) | {P50(execute):0.00} |");
        output.WriteLine($"| serialising the result to JSON | {P50(serialize):0.00} |");
    }

    private static async Task<ExecutionResult> ExecuteAsync(IServiceProvider hub, GraphQLRequest request)
    {
        await using var scope = hub.CreateNetworkScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<NetworkSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Variables = request.Variables,
            RequestServices = scope.ServiceProvider,
        });
        return result.Errors is { Count: > 0 } errors ? throw new InvalidOperationException(errors[0].Message) : result;
    }

    // The engine columns of a KpiValues page are loaded on every request, for the periods its rows show.
    private static async Task ODataPiecesAsync(IServiceProvider hub, TextWriter output)
    {
        var scores = hub.GetRequiredService<NetworkScores>();
        var periods = await scores.PeriodsAsync(Readership.Network);
        var load = await TimeAsync(async ct =>
        {
            await using var scope = hub.CreateNetworkScope();
            var engine = EngineColumns.For(scope.ServiceProvider.GetRequiredService<NetworkDbContext>(), scores, null);
            await engine.LoadPeriodsAsync(periods.Take(1), ct);
        }, Rounds);
        output.WriteLine();
        output.WriteLine($"OData in process: `EngineColumns.LoadPeriodsAsync` of the newest period (its version, its current snapshots' ids, the cached scorer), once per page request: p50 {P50(load):0.00} ms");
    }

    // Up to `rounds` runs, fewer (at least 3) when they would take longer than the budget.
    private static async Task<double[]> TimeAsync(Func<CancellationToken, Task> action, int rounds)
    {
        var times = new List<double>(rounds);
        var begun = Stopwatch.GetTimestamp();
        while (times.Count < rounds && (times.Count < 3 || Stopwatch.GetElapsedTime(begun) < Budget))
        {
            var started = Stopwatch.GetTimestamp();
            await action(CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return [.. times];
    }

    private static double P50(double[] times) => times.Order().ElementAt((times.Length - 1) / 2);
}
