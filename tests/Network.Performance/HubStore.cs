using System.Diagnostics;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// The SQLite files the <c>attacks</c> command's hub processes run on: the demo store (empty until the hub's demo
/// network imports its 8 cities at start-up) or a copy of the comparison database (<see cref="ComparisonDatabase"/>,
/// 1,000 cities × 5 periods by default). Each is made once as a template, with the city the load run publishes for
/// registered by the hub's own admin commands (<c>cities add --jwk</c>, <c>clients add --city</c>, run as the operator
/// runs them, before the hub starts), and copied for every hub.
/// </summary>
public sealed class HubStore : IDisposable
{
    private readonly string _hubDll;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "network-attacks", Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<bool, (string Database, string Secret)> _templates = [];

    /// <summary>A store for one run, with a fresh publishing city; <paramref name="bigStorePath"/> is the big store to copy, if any.</summary>
    public HubStore(string hubDll, string? bigStorePath)
    {
        _hubDll = hubDll;
        BigStorePath = bigStorePath;
        Publisher = new TestCity("NO-L0001", "Load-test city");
        Directory.CreateDirectory(_root);
    }

    /// <summary>The comparison database to copy for the big store; null when there is none.</summary>
    public string? BigStorePath { get; }

    /// <summary>The city the ingestion part publishes for (its private key signs the snapshots).</summary>
    public TestCity Publisher { get; }

    /// <summary>The client id of <see cref="Publisher"/>'s node.</summary>
    public string PublisherClientId => "node-" + Publisher.CityId;

    /// <summary>
    /// Makes a fresh directory for a hub with its database (<c>hub.db</c>), a copy of the big or the demo template.
    /// Returns the directory, the database path and the publishing client's secret in it.
    /// </summary>
    public async Task<(string Directory, string Database, string Secret)> PrepareAsync(bool big)
    {
        if (!_templates.TryGetValue(big, out var template))
        {
            template = _templates[big] = await TemplateAsync(big);
        }

        var directory = Path.Combine(_root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "hub.db");
        File.Copy(template.Database, database);
        if (File.Exists(template.Database + "-wal"))
        {
            File.Copy(template.Database + "-wal", database + "-wal"); // what was written but not yet checkpointed
        }

        return (directory, database, template.Secret);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Publisher.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A hub still holding a file: the temp directory is left to the OS.
        }
    }

    private async Task<(string Database, string Secret)> TemplateAsync(bool big)
    {
        var directory = Path.Combine(_root, big ? "template-big" : "template-demo");
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "hub.db");
        if (big)
        {
            var source = BigStorePath ?? throw new InvalidOperationException("No big store was built.");
            File.Copy(source, database);
            if (File.Exists(source + "-wal"))
            {
                File.Copy(source + "-wal", database + "-wal");
            }
        }

        var jwk = Path.Combine(directory, "publisher.jwk.json");
        await File.WriteAllTextAsync(jwk, Publisher.Keys.PublicJwk.ToJson(Publisher.Keys.KeyId));
        await AdminAsync(directory, database, "cities", "add", "--id", Publisher.CityId, "--name", Publisher.Name, "--jwk", jwk, "--kid", Publisher.Keys.KeyId);
        var printed = await AdminAsync(directory, database, "clients", "add", "--city", Publisher.CityId);
        var secret = printed.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("client secret", StringComparison.Ordinal))?["client secret".Length..].Trim()
            ?? throw new InvalidOperationException($"`clients add` printed no secret:{Environment.NewLine}{printed}");

        return (database, secret);
    }

    // `dotnet Network.Hub.dll <command>` on the database, configured through the environment as an operator would.
    private async Task<string> AdminAsync(string directory, string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_hubDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Network__Storage__Provider"] = "Sqlite";
        start.Environment["Network__Storage__ConnectionString"] = $"Data Source={database};Pooling=False";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}: {await output} {await error}");
        }

        return await output;
    }
}
