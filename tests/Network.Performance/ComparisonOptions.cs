using System.Globalization;

namespace Network.Performance;

/// <summary>The <c>compare</c> mode's command-line options; every one has a default that gives the documented run.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "compare [--db PATH] [--rebuild] [--cities 1000] [--periods 5] [--compare 20] [--period YEAR] " +
        "[--clients 1,32] [--requests 200] [--per-client 20] [--warmup 20] [--seconds 20] [--values-only] [--profile]";

    /// <summary>The database file; built there when missing or out of date.</summary>
    public string DatabasePath { get; init; } = ComparisonDatabase.DefaultPath;

    /// <summary>Build the database again even when the existing one is current.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Cities in the network.</summary>
    public int Cities { get; init; } = 1000;

    /// <summary>Periods each city reports.</summary>
    public int Periods { get; init; } = 5;

    /// <summary>Cities in the comparison.</summary>
    public int Compared { get; init; } = 20;

    /// <summary>The compared period; the newest when null.</summary>
    public int? Period { get; init; }

    /// <summary>The numbers of concurrent clients to measure with.</summary>
    public IReadOnlyList<int> Clients { get; init; } = [1, 32];

    /// <summary>Requests of a single client.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>Requests of each client when there are several.</summary>
    public int PerClient { get; init; } = 20;

    /// <summary>Warm-up requests of each client before every measured run (not counted).</summary>
    public int Warmup { get; init; } = 20;

    /// <summary>The most time one measured run may take: no client starts a request after it (warm-ups get a third of it).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Ask the APIs for the values only, without the engine's score columns.</summary>
    public bool ValuesOnly { get; init; }

    /// <summary>Profile the APIs even when they meet the goal.</summary>
    public bool Profile { get; init; }

    /// <summary>Requests each client makes in a measured run with <paramref name="clients"/> clients.</summary>
    public int RequestsPerClient(int clients) => clients == 1 ? Requests : PerClient;

    /// <summary>Warm-up requests of each client with <paramref name="clients"/> clients: enough for every client to have a connection and the thread pool to grow.</summary>
    public int WarmupPerClient(int clients) => clients == 1 ? Warmup : Math.Max(1, Warmup / 10);

    /// <summary>Reads the arguments after <c>compare</c> (or another mode's, over that mode's <paramref name="defaults"/>).</summary>
    /// <exception cref="ArgumentException">An unknown option or a missing value.</exception>
    public static ComparisonOptions Parse(IReadOnlyList<string> args, ComparisonOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = defaults ?? new ComparisonOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--db" => options with { DatabasePath = Path.GetFullPath(Next()) },
                "--rebuild" => options with { Rebuild = true },
                "--cities" => options with { Cities = Number() },
                "--periods" => options with { Periods = Number() },
                "--compare" => options with { Compared = Number() },
                "--period" => options with { Period = Number() },
                "--clients" => options with { Clients = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--requests" => options with { Requests = Number() },
                "--per-client" => options with { PerClient = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--seconds" => options with { Budget = TimeSpan.FromSeconds(Number()) },
                "--values-only" => options with { ValuesOnly = true },
                "--profile" => options with { Profile = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }
}
