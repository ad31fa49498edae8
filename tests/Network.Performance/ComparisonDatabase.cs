using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Embargo;
using Network.Hub.Ingestion;
using Network.Hub.Keys;
using Network.Hub.Storage;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// The comparison benchmark's SQLite database: built once through the hub's own ingestion pipeline (registered keys,
/// signed snapshots, verification, the same transactions and bulk insert as the bus door), then reused by later runs
/// while its version file matches. Building it takes a while, which is why it is kept.
/// </summary>
public static class ComparisonDatabase
{
    /// <summary>Snapshots per ingestion call: the bus door's batches are smaller (64), but this is a bulk load.</summary>
    private const int BatchSize = 250;

    /// <summary>Where the database lives when no <c>--db</c> is given.</summary>
    public static string DefaultPath => Path.Combine(Path.GetTempPath(), "network-comparison-benchmark", "hub.db");

    /// <summary>
    /// What the database must have been built from to be reused: the network's shape, the generator, the catalogue
    /// and the hub's newest migration (a new migration may add columns the old rows never filled).
    /// </summary>
    public static string VersionOf(ComparisonNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var newestMigration = typeof(SqliteNetworkDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteNetworkDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Max(StringComparer.Ordinal);
        return $"cities={network.CityCount}; periods={network.FirstPeriod}+{network.PeriodCount}; generator={ComparisonNetwork.GeneratorVersion}; " +
               $"catalogue={KpiCatalogue.CurrentVersion}; migration={newestMigration}";
    }

    /// <summary>Whether the database at <paramref name="path"/> was built, completely, for <paramref name="network"/>.</summary>
    public static bool IsCurrent(string path, ComparisonNetwork network) =>
        File.Exists(path) && File.Exists(VersionFile(path)) && File.ReadAllText(VersionFile(path)).Trim() == VersionOf(network);

    /// <summary>Deletes the database at <paramref name="path"/> (with its WAL files and version file), if any.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { VersionFile(path), path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Fills the (empty, migrated) database of the running hub: registers every city and its key, then ingests every
    /// city's snapshot of every period through <see cref="SnapshotIngestion"/>, and writes the version file last,
    /// so an interrupted build is never taken for a finished one. Throws if the hub refuses any snapshot.
    /// </summary>
    public static async Task<TimeSpan> FillAsync(IServiceProvider hub, string path, ComparisonNetwork network, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.GetTimestamp();
        var catalogue = hub.GetRequiredService<KpiCatalogue>();
        var cities = Enumerable.Range(0, network.CityCount)
            .Select(i => new TestCity(ComparisonNetwork.CityIdOf(i), ComparisonNetwork.NameOf(i)))
            .ToArray();
        try
        {
            await RegisterAsync(hub, cities);
            log.WriteLine($"  registered {cities.Length:N0} cities and their keys in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

            var work = (from period in network.Periods from city in Enumerable.Range(0, cities.Length) select (City: city, Period: period)).ToArray();
            var signing = TimeSpan.Zero;
            var ingesting = TimeSpan.Zero;
            for (var offset = 0; offset < work.Length; offset += BatchSize)
            {
                var phase = Stopwatch.GetTimestamp();
                var batch = work.Skip(offset).Take(BatchSize).ToArray();
                var signed = new string[batch.Length];
                // Each city signs with its own key, so different cities sign in parallel safely.
                Parallel.For(0, batch.Length, i => signed[i] = ComparisonNetwork.Sign(cities[batch[i].City], batch[i].City, batch[i].Period, catalogue));
                signing += Stopwatch.GetElapsedTime(phase);

                phase = Stopwatch.GetTimestamp();
                await IngestAsync(hub, signed, [.. batch.Select(b => cities[b.City].CityId)]);
                ingesting += Stopwatch.GetElapsedTime(phase);
                if ((offset / BatchSize) % 4 == 3 || offset + BatchSize >= work.Length)
                {
                    log.WriteLine($"  {Math.Min(offset + BatchSize, work.Length):N0} of {work.Length:N0} snapshots stored ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
                }
            }

            log.WriteLine($"  signing {signing.TotalSeconds:0.0} s, ingestion {ingesting.TotalSeconds:0.0} s ({work.Length / ingesting.TotalSeconds:N0} snapshots/s)");
        }
        finally
        {
            foreach (var city in cities)
            {
                city.Dispose();
            }
        }

        await File.WriteAllTextAsync(VersionFile(path), VersionOf(network));
        return Stopwatch.GetElapsedTime(started);
    }

    private static string VersionFile(string path) => path + ".version";

    // One transaction for all registrations: the registry saves after each city and each key, and a commit per
    // save (an fsync each) would dominate.
    private static async Task RegisterAsync(IServiceProvider hub, IReadOnlyList<TestCity> cities)
    {
        await using var scope = hub.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<KeyRegistry>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var city in cities)
        {
            await registry.AddOrUpdateCityAsync(city.CityId, city.Name, population: 50_000, synthetic: true);
            await registry.RegisterKeyAsync(city.CityId, city.Keys.PublicJwk, city.Keys.KeyId, DateTimeOffset.UnixEpoch);
        }

        await transaction.CommitAsync();
    }

    private static async Task IngestAsync(IServiceProvider hub, string[] signed, string[] nodeCities)
    {
        await using var scope = hub.CreateNetworkScope();
        var ingestion = scope.ServiceProvider.GetRequiredService<SnapshotIngestion>();
        var outcomes = await ingestion.IngestAsync(signed.Select((jws, i) => new Submission(jws, SubmissionDoor.Bus, nodeCities[i])).ToArray());
        var refused = outcomes.Where(o => o.Rejected is not null).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                $"The hub refused {refused.Count} benchmark snapshot(s); the first for: {string.Join("; ", refused[0].Rejected!.Reasons)}");
        }
    }
}
