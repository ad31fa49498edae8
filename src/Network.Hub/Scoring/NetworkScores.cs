using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// Loads one period's current (or as-of) values from the database into the pure engine and hands out a
/// <see cref="Scorer"/>. A period is loaded once and reused until a snapshot arrives: the cache key carries the
/// count and newest receipt time of stored snapshots, which one cheap query reads, so every hub instance sees
/// new data at once without any in-process signal.
/// </summary>
public sealed class NetworkScores(IServiceScopeFactory scopes, ILogger<NetworkScores> logger)
{
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<(int Period, DateTimeOffset? AsOf, string Targets, Readership Readership), CachedScorer> _cache = new();

    /// <summary>
    /// The scorer for <paramref name="period"/> against <paramref name="targets"/> (the default set when null), as of
    /// <paramref name="asOf"/> (now when null), over what <paramref name="readership"/> may read: the caller's, passed
    /// explicitly, since this cache serves every request.
    /// </summary>
    /// <remarks>
    /// Callers that ask for the same period while it is being loaded wait for that one load rather than each loading
    /// their own copy: a burst of requests (or of fields in one request) holds the network in memory once. A load is
    /// cancelled with the token of the caller that started it; the others then load again with theirs.
    /// </remarks>
    public async Task<Scorer> ForPeriodAsync(
        Readership readership, int period, DateTimeOffset? asOf = null, TargetSet? targets = null, CancellationToken cancellationToken = default)
    {
        targets ??= TargetSet.Default;
        (int, DateTimeOffset?) version;
        await using (var scope = scopes.CreateReadingScope(readership))
        {
            version = await DataVersionAsync(scope.ServiceProvider.GetRequiredService<NetworkDbContext>(), cancellationToken);
        }

        // A public reader's ranks, percentiles and medians are computed over the public record only: the network's
        // preliminary figures must not leak through a statistic either.
        var key = (period, asOf, $"{targets.Name}/{targets.Version}", readership);
        while (true)
        {
            var fresh = new CachedScorer(version, targets, new Lazy<Task<Scorer>>(() => LoadAsync(readership, period, asOf, targets, cancellationToken)));
            var entry = _cache.AddOrUpdate(key, fresh, (_, old) => old.Version == version && ReferenceEquals(old.Targets, targets) ? old : fresh);
            if (ReferenceEquals(entry, fresh) && asOf is not null && _cache.Count > MaxEntries)
            {
                // Current periods stay; "as of" entries are many and rarely reused, so they make room.
                foreach (var old in _cache.Where(e => e.Key.AsOf is not null && !ReferenceEquals(e.Value, fresh)))
                {
                    _cache.TryRemove(old);
                }
            }

            try
            {
                return await entry.Scorer.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (entry.Scorer.Value.IsCompleted)
            {
                _cache.TryRemove(KeyValuePair.Create(key, entry)); // a failed load is not kept
                if (!entry.Scorer.Value.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                // The caller that started the load went away; this one still waits for the network.
            }
        }
    }

    /// <summary>The periods that have current values <paramref name="readership"/> may read, newest first.</summary>
    public async Task<IReadOnlyList<int>> PeriodsAsync(Readership readership, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateReadingScope(readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.Snapshots.Select(s => s.Period).Distinct().OrderByDescending(p => p).ToListAsync(cancellationToken);
    }

    private async Task<Scorer> LoadAsync(Readership readership, int period, DateTimeOffset? asOf, TargetSet targets, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateReadingScope(readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var values = await db.CurrentValues(asOf)
            .Where(v => v.Period == period)
            .Select(v => new { v.CityId, v.KpiCode, v.DataPoint, v.Value, v.Quality })
            .ToListAsync(cancellationToken);
        var network = NetworkPeriod.Create(period, values.Select(v => new ReportedValue(
            v.CityId, v.KpiCode, v.DataPoint.Length == 0 ? null : v.DataPoint, v.Value, v.Quality,
            Verified: false))); // verifier attestations are not stored yet: nothing is verified
        logger.LogDebug("Loaded period {Period} (as of {AsOf}): {Network}", period, asOf, network);
        return new Scorer(network, targets);
    }

    private static async Task<(int Count, DateTimeOffset? Newest)> DataVersionAsync(NetworkDbContext db, CancellationToken ct)
    {
        var stats = await db.Snapshots
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Newest = g.Max(s => (DateTimeOffset?)s.ReceivedAt) })
            .FirstOrDefaultAsync(ct);
        return (stats?.Count ?? 0, stats?.Newest);
    }

    private sealed record CachedScorer((int Count, DateTimeOffset? Newest) Version, TargetSet Targets, Lazy<Task<Scorer>> Scorer);
}
