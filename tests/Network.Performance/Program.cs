using System.Text.Json;
using BenchmarkDotNet.Running;

namespace Network.Performance;

/// <summary>The benchmark runner: <c>dotnet run -c Release --project tests/Network.Performance -- --filter '*Ingestion*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks BenchmarkDotNet's arguments select, or, with <c>profile</c>, <see cref="IngestionProfile"/>, or, with <c>compare</c>, <see cref="ComparisonBenchmark"/>, or, with <c>city-profile</c>, <see cref="ProfileBenchmark"/>, or, with <c>attacks</c>, <see cref="AttackBenchmark"/>.</summary>
    public static async Task Main(string[] args)
    {
        PointTheHubAtItsContentRoot();
        if (args is ["profile", ..])
        {
            await IngestionProfile.RunAsync(args[1..]);
            return;
        }

        if (args is ["compare", ..])
        {
            await ComparisonBenchmark.RunAsync(args[1..]);
            return;
        }

        if (args is ["city-profile", ..])
        {
            await ProfileBenchmark.RunAsync(args[1..]);
            return;
        }

        if (args is ["attacks", ..])
        {
            await AttackBenchmark.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    // WebApplicationFactory reads MvcTestingAppManifest.json from the current directory, which under
    // `dotnet run` is wherever the command was typed, not the output folder: tell it the hub's content root.
    private static void PointTheHubAtItsContentRoot()
    {
        const string variable = "ASPNETCORE_TEST_CONTENTROOT_NETWORK_HUB";
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (Environment.GetEnvironmentVariable(variable) is null && File.Exists(manifest))
        {
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
            var hub = roots.FirstOrDefault(r => r.Key.StartsWith("Network.Hub,", StringComparison.Ordinal)).Value;
            if (hub is not null)
            {
                Environment.SetEnvironmentVariable(variable, hub);
            }
        }
    }
}
