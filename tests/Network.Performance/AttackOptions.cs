using System.Globalization;

namespace Network.Performance;

/// <summary>The <c>attacks</c> mode's command-line options; the defaults give the documented run (about 10 minutes).</summary>
public sealed record AttackOptions
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "attacks [--quick] [--hub PATH/Network.Hub.dll] [--only 0,1,2,3,4,8] [--no-load] [--load-only] [--seconds 60] [--clients 8] " +
        "[--ingest-seconds 15] [--timeout 40] [--idle-bound 120] [--liveness auto|/health/live|/health] [--no-big-store] " +
        "[--db PATH] [--cities 1000] [--periods 5] [--repeat 50]";

    /// <summary>The hub to start; by default the Release build next to this repository's sources.</summary>
    public string? HubDll { get; init; }

    /// <summary>The attack classes to measure (0 = the cheap baselines); all when null.</summary>
    public IReadOnlySet<int>? Only { get; init; }

    /// <summary>Skip the load run.</summary>
    public bool NoLoad { get; init; }

    /// <summary>Only the load run.</summary>
    public bool LoadOnly { get; init; }

    /// <summary>How long the load run lasts.</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Concurrent clients sending the expensive accepted queries.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>How long ingestion is measured without load.</summary>
    public TimeSpan IngestDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a client waits for one answer before it gives up (and closes the connection).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>How long to wait, after the last answer or give-up, for the hub's CPU time to stop growing.</summary>
    public TimeSpan IdleBound { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The liveness path the load run polls; "auto": <c>/health/live</c> when the hub has it, else <c>/health</c>.</summary>
    public string Liveness { get; init; } = "auto";

    /// <summary>Use the comparison database (a bigger store) for class 3 and the load run.</summary>
    public bool BigStore { get; init; } = true;

    /// <summary>Where the comparison database is (built there when missing or out of date).</summary>
    public string DatabasePath { get; init; } = ComparisonDatabase.DefaultPath;

    /// <summary>Cities in the big store.</summary>
    public int Cities { get; init; } = 1000;

    /// <summary>Periods each city of the big store reports.</summary>
    public int Periods { get; init; } = 5;

    /// <summary>Requests of each cheap baseline (their CPU time is averaged).</summary>
    public int Repeat { get; init; } = 50;

    /// <summary>Whether <c>--quick</c> was given (reported with the results).</summary>
    public bool Quick { get; init; }

    /// <summary>Whether class <paramref name="number"/> is measured.</summary>
    public bool Measures(int number) => !LoadOnly && (Only is null || Only.Contains(number));

    /// <summary>Reads the arguments after <c>attacks</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a missing value.</exception>
    public static AttackOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // --quick first, so that options after it (or before it) still win over its shorter defaults.
        var options = args.Contains("--quick")
            ? new AttackOptions
            {
                Quick = true,
                LoadDuration = TimeSpan.FromSeconds(15),
                IngestDuration = TimeSpan.FromSeconds(5),
                Timeout = TimeSpan.FromSeconds(30),
                IdleBound = TimeSpan.FromSeconds(30),
                Repeat = 20,
            }
            : new AttackOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "--hub" => options with { HubDll = Path.GetFullPath(Next()) },
                "--only" => options with { Only = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToHashSet() },
                "--no-load" => options with { NoLoad = true },
                "--load-only" => options with { LoadOnly = true },
                "--seconds" => options with { LoadDuration = TimeSpan.FromSeconds(Number()) },
                "--clients" => options with { Clients = Number() },
                "--ingest-seconds" => options with { IngestDuration = TimeSpan.FromSeconds(Number()) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Number()) },
                "--idle-bound" => options with { IdleBound = TimeSpan.FromSeconds(Number()) },
                "--liveness" => options with { Liveness = Next() },
                "--no-big-store" => options with { BigStore = false },
                "--db" => options with { DatabasePath = Path.GetFullPath(Next()) },
                "--cities" => options with { Cities = Number() },
                "--periods" => options with { Periods = Number() },
                "--repeat" => options with { Repeat = Number() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}"),
            };
        }

        return options;
    }

    /// <summary>The hub to start: <see cref="HubDll"/>, or <c>src/Network.Hub/bin/Release/net10.0/Network.Hub.dll</c> of this repository.</summary>
    /// <exception cref="FileNotFoundException">No built hub there.</exception>
    public string ResolveHubDll()
    {
        var path = HubDll;
        if (path is null)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Network.sln")))
                {
                    path = Path.Combine(dir.FullName, "src", "Network.Hub", "bin", "Release", "net10.0", "Network.Hub.dll");
                    break;
                }
            }
        }

        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No built hub at {path ?? "(repository not found)"}: run `dotnet build -c Release src/Network.Hub` or give --hub PATH.");
    }
}
