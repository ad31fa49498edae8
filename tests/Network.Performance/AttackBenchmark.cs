using System.Diagnostics;
using System.Globalization;

namespace Network.Performance;

/// <summary>
/// Issue 11's measurement: what each attack class costs the hub (CPU-seconds and peak memory per request, with the
/// answers it gave), and whether liveness and ingestion hold while 8 clients send the most expensive accepted queries.
/// <code>dotnet run -c Release --project tests/Network.Performance -- attacks [--quick] [options]</code>
/// The hub runs as its own process (<c>dotnet Network.Hub.dll</c>, the embedded default: SQLite in a temp directory,
/// in-memory bus, demo network on) on a free port of 127.0.0.1, restarted for every class, so its CPU time
/// (<c>/proc/PID/stat</c>) and peak resident memory (VmHWM) are the class's alone; CPU time is read until the hub is idle
/// again, because work can go on after the client gave up. Refusals and give-ups are results, printed in the table.
/// </summary>
public static class AttackBenchmark
{
    private const double MB = 1024 * 1024;

    /// <summary>Runs the command with the arguments after <c>attacks</c>; prints markdown.</summary>
    public static async Task RunAsync(string[] args)
    {
        var options = AttackOptions.Parse(args);
        var hubDll = options.ResolveHubDll();
        var output = Console.Out;
        var started = Stopwatch.GetTimestamp();
        output.WriteLine("## Attack classes (issue 11)");
        output.WriteLine();
        foreach (var line in MachineInfo.Describe())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"- hub: `dotnet {hubDll}` as its own process, embedded default (SQLite file in a temp directory, in-memory bus, demo network on), on 127.0.0.1");
        output.WriteLine($"- options: {(options.Quick ? "--quick; " : "")}client time limit {options.Timeout.TotalSeconds:0} s per request; CPU read until the hub is idle (< 30 ms CPU in 1 s), at most {options.IdleBound.TotalSeconds:0} s after the last answer");

        var bigPath = options.BigStore && (options.Measures(3) || !options.NoLoad) ? await BigStoreAsync(options, output) : null;
        using var store = new HubStore(hubDll, bigPath);
        if (!options.LoadOnly)
        {
            output.WriteLine();
            var rows = new List<string>();
            foreach (var group in AttackCases.All(bigPath is not null, options.Repeat, options.Quick).Where(g => options.Measures(g.Class)))
            {
                rows.AddRange(await MeasureGroupAsync(group, hubDll, store, options, output));
            }

            output.WriteLine();
            output.WriteLine("| class: request | requests | answers | client wall s | hub CPU-s per request | hub busy after the last answer | hub peak RSS MB | peak RSS growth MB |");
            output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                output.WriteLine(row);
            }

            output.WriteLine();
            output.WriteLine("- CPU-s: the hub process's user + system CPU time from just before the first request until it was idle again, less the idle hub's own rate (measured in the second before) over that time, divided by the requests.");
            output.WriteLine("- peak RSS: the process's VmHWM after the row (the hub is restarted for every class; the baselines and class 8's rows share one hub each, so their peak is the hub's so far); growth: VmHWM after minus VmRSS before.");
            output.WriteLine("- \"busy after the last answer\": how long the hub's CPU time went on growing after the client had its answer or gave up (\"≥\": still busy when the wait ended).");
            output.WriteLine("- The big store: the `compare` benchmark's database, copied, plus the demo network's cities.");
        }

        if (!options.NoLoad)
        {
            await AttackLoad.RunAsync(hubDll, store, options, output);
        }

        output.WriteLine();
        output.WriteLine($"Load average at the end: {MachineInfo.LoadAverage()}; the whole run took {Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min.");
    }

    /// <summary>
    /// Starts a hub for the attack rows or the load run: the big store's copy or the demo store; the demo network on.
    /// Returns it with the publishing city's client secret in its database.
    /// </summary>
    public static async Task<(HubProcess Hub, string Secret)> StartHubAsync(string hubDll, HubStore store, bool big, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (directory, database, secret) = await store.PrepareAsync(big);
        var settings = new Dictionary<string, string>
        {
            ["Network:Bus:Transport"] = "InMemory",
            ["Network:Demo:Enabled"] = "true",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return (await HubProcess.StartAsync(hubDll, directory, database, settings, TimeSpan.FromSeconds(180)), secret);
    }

    /// <summary>A client of <paramref name="hub"/> with enough connections for every concurrent client and no time-out of its own.</summary>
    public static HttpClient ClientOf(HubProcess hub) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = hub.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private static async Task<List<string>> MeasureGroupAsync(AttackGroup group, string hubDll, HubStore store, AttackOptions options, TextWriter output)
    {
        var rows = new List<string>();
        var (hub, secret) = await StartHubAsync(hubDll, store, group.BigStore);
        await using var stopped = hub;
        using var http = ClientOf(hub);
        var context = new AttackContext(http, options, store, secret);
        await WarmUpAsync(context, group.Class);
        foreach (var attack in group.Cases)
        {
            var (before, _, idleRate) = await hub.WaitIdleAsync(TimeSpan.FromSeconds(30));
            var sent = Stopwatch.GetTimestamp();
            var outcomes = await attack.SendAsync(context);
            var answered = Stopwatch.GetTimestamp();
            var (after, idle, _) = await hub.WaitIdleAsync(options.IdleBound);
            var wall = Stopwatch.GetElapsedTime(sent, answered).TotalSeconds;
            // The idle test needs a second without work: the hub stopped about a second before it was seen idle.
            var busyAfter = Math.Max(0, Stopwatch.GetElapsedTime(answered, after.Timestamp).TotalSeconds - (idle ? 1 : 0));
            // Net of what the idle hub uses by itself (timers, GC) over the same time, which is not the requests'.
            var idleCpu = idleRate * Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
            var cpu = Math.Max(0, (after.Cpu - before.Cpu).TotalSeconds - idleCpu) / Math.Max(1, outcomes.Total);
            var answers = outcomes.ToString() + (hub.HasExited ? $"; **the hub exited (code {hub.ExitCode})**" : "");
            var row = $"| {attack.Name} | {outcomes.Total:N0} | {answers} | {wall:0.0} | {(idle ? "" : "≥ ")}{Format(cpu)} | {(idle ? "" : "≥ ")}{busyAfter:0} s | " +
                      $"{after.PeakRss / MB:N0} | {(after.PeakRss - before.Rss) / MB:N0} |";
            output.WriteLine($"  {attack.Name}: {answers}; {wall:0.0} s; {Format(cpu)} CPU-s per request; peak RSS {after.PeakRss / MB:N0} MB (load average {MachineInfo.LoadAverage()})");
            rows.Add(row);
            if (hub.HasExited)
            {
                output.WriteLine($"  the hub's last lines:{Environment.NewLine}{hub.LogTail()}");
                break;
            }
        }

        return rows;
    }

    // The first request of each door compiles its code (JIT) and builds its schema or model: once per process, so
    // not part of what a request costs. Warmed with normal requests, none of which counts against a limit measured.
    private static async Task WarmUpAsync(AttackContext context, int attackClass)
    {
        for (var i = 0; i < 3; i++)
        {
            await AttackRequests.SendAsync(context.Http, new HttpRequestMessage(HttpMethod.Get, "health"), context.Options.Timeout);
            await AttackRequests.SendAsync(context.Http, AttackRequests.GraphQL(AttackRequests.SmallQuery), context.Options.Timeout);
            await AttackRequests.SendAsync(context.Http, new HttpRequestMessage(HttpMethod.Get, "odata/Cities?$top=1"), context.Options.Timeout);
        }

        // Classes 3 and 8 post to the token endpoint and the snapshot door: a token (one of the 60 a minute) and a
        // small snapshot the hub refuses warm them. Class 4 counts the token endpoint's answers, so it is not warmed there.
        if (attackClass is 3 or 8)
        {
            context.NodeToken = await AttackRequests.TokenAsync(context.Http, context.Store.PublisherClientId, context.Secret);
            await AttackRequests.SendAsync(context.Http, AttackRequests.Snapshot("not.a.jws", context.NodeToken), context.Options.Timeout);
        }
    }

    private static string Format(double seconds) => seconds.ToString(seconds < 0.1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);

    // The comparison benchmark's database: reused when current, else built through the hub's ingestion pipeline.
    private static async Task<string> BigStoreAsync(AttackOptions options, TextWriter output)
    {
        var network = new ComparisonNetwork(options.Cities, 2021, options.Periods);
        var path = options.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (ComparisonDatabase.IsCurrent(path, network))
        {
            output.WriteLine($"- big store: {path}, reused ({ComparisonDatabase.VersionOf(network)})");
            return path;
        }

        ComparisonDatabase.Delete(path);
        output.WriteLine($"- big store: building {path}: {network.CityCount:N0} cities × {network.PeriodCount} periods through the hub's ingestion pipeline…");
        // The hub in this process prints its start-up banner to the console: kept out of the markdown.
        Console.SetOut(TextWriter.Null);
        try
        {
            await using var hub = new ComparisonHub(path);
            hub.Start();
            var took = await ComparisonDatabase.FillAsync(hub.Services, path, network, output);
            output.WriteLine($"  built in {took.TotalSeconds:0} s");
        }
        finally
        {
            Console.SetOut(output);
        }

        return path;
    }
}
