using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// Loads one period's current (or as-of) values from the database into the pure engine and hands out a
/// <see cref="Scorer"/>. A period is loaded once and reused until a snapshot of that period arrives: the cache key
/// carries the period's <see cref="PeriodVersion"/> (the count and newest receipt time of its stored snapshots and
/// attestations), which one cheap query reads, so every hub instance sees new data at once without any in-process signal. A snapshot of
/// one period leaves the other periods' engines as they are, and the period it changes is brought up to date from
/// the cities that published or were attested since, not read again whole (<see cref="NetworkPeriod.WithCities"/>).
/// </summary>
public sealed class NetworkScores(IServiceScopeFactory scopes, EngineLoadMetrics metrics, ILogger<NetworkScores> logger)
{
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<(int Period, DateTimeOffset? AsOf, string Targets, Readership Readership, ScoringBasis Basis), CachedScorer> _cache = new();

    /// <summary>
    /// The scorer for <paramref name="period"/> against <paramref name="targets"/> (the default set when null), as of
    /// <paramref name="asOf"/> (now when null), over what <paramref name="readership"/> may read: the caller's, passed
    /// explicitly, since this cache serves every request; on every reported value.
    /// </summary>
    /// <remarks>
    /// Callers that ask for the same period while it is being loaded wait for that one load rather than each loading
    /// their own copy: a burst of requests (or of fields in one request) holds the network in memory once. A load is
    /// cancelled with the token of the caller that started it; the others then load again with theirs.
    /// </remarks>
    public Task<Scorer> ForPeriodAsync(
        Readership readership, int period, DateTimeOffset? asOf = null, TargetSet? targets = null, CancellationToken cancellationToken = default) =>
        ForPeriodAsync(readership, period, asOf, targets, ScoringBasis.AsReported, cancellationToken);

    /// <summary>
    /// The scorer as <see cref="ForPeriodAsync(Readership, int, DateTimeOffset?, TargetSet?, CancellationToken)"/>, on
    /// <paramref name="basis"/>: every reported value, or only the verified ones (that network is derived in memory from
    /// the reported one, whose values carry their verdicts, and cached under its own key).
    /// </summary>
    public async Task<Scorer> ForPeriodAsync(
        Readership readership, int period, DateTimeOffset? asOf, TargetSet? targets, ScoringBasis basis, CancellationToken cancellationToken = default)
    {
        targets ??= TargetSet.Default;
        PeriodVersion version;
        await using (var scope = scopes.CreateReadingScope(readership))
        {
            version = await PeriodVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<NetworkDbContext>(), period, asOf, cancellationToken);
        }

        // A public reader's ranks, percentiles and medians are computed over the public record only: the network's
        // preliminary figures must not leak through a statistic either.
        var key = (period, asOf, $"{targets.Name}/{targets.Version}", readership, basis);
        var load = new PeriodLoad(readership, period, asOf, targets, version);
        while (true)
        {
            CachedScorer? fresh = null;
            var entry = _cache.AddOrUpdate(
                key,
                _ => fresh = new CachedScorer(version, targets, new Lazy<Task<Scorer>>(() => basis == ScoringBasis.AsVerified
                    ? VerifiedOnlyAsync(load, cancellationToken)
                    : LoadAsync(load, cancellationToken))),
                (_, old) => old.Version == version && ReferenceEquals(old.Targets, targets)
                    ? old
                    : fresh = new CachedScorer(version, targets, new Lazy<Task<Scorer>>(() => basis == ScoringBasis.AsVerified
                        ? VerifiedOnlyAsync(load, cancellationToken)
                        : UpdateAsync(old, load, cancellationToken))));
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

    // The verified values only: the reported network (cached, and brought up to date as usual) narrowed in memory,
    // since each of its values carries its verdict. No database read beyond the reported network's own.
    private async Task<Scorer> VerifiedOnlyAsync(PeriodLoad load, CancellationToken cancellationToken)
    {
        var reported = await ForPeriodAsync(load.Readership, load.Period, load.AsOf, load.Targets, ScoringBasis.AsReported, cancellationToken);
        var all = reported.Period;
        var network = NetworkPeriod.Create(load.Period, all.Cities.SelectMany(all.ValuesOf).Where(v => v.Verified), all.Catalogue);
        logger.LogDebug("Derived period {Period} (as of {AsOf}) as verified: {Network}", load.Period, load.AsOf, network);
        return new Scorer(network, load.Targets);
    }

    // The whole period, from the database.
    private async Task<Scorer> LoadAsync(PeriodLoad load, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateReadingScope(load.Readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var network = NetworkPeriod.Create(load.Period, await db.CurrentValuesOf(load.Period, load.AsOf).ReadReportedValuesAsync(db, load.AsOf, cancellationToken));
        metrics.Loaded(EngineLoadMetrics.KindWhole, load.Period, started);
        logger.LogDebug("Loaded period {Period} (as of {AsOf}): {Network}", load.Period, load.AsOf, network);
        return new Scorer(network, load.Targets);
    }

    // The period as it was at the previous version, brought up to date: only the cities that published since are read.
    private async Task<Scorer> UpdateAsync(CachedScorer previous, PeriodLoad load, CancellationToken cancellationToken)
    {
        Scorer before;
        try
        {
            before = await previous.Scorer.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (previous.Scorer.Value.IsCompleted)
        {
            return await LoadAsync(load, cancellationToken); // that load failed or was cancelled: nothing to build on
        }

        if (previous.Version == load.Version)
        {
            return new Scorer(before.Period, load.Targets); // the same data against a target set loaded again
        }

        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateReadingScope(load.Readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var arrived = await ChangedCitiesAsync(db, previous.Version, load, cancellationToken);
        if (arrived is null)
        {
            return await LoadAsync(load, cancellationToken);
        }

        var cities = arrived.Distinct(StringComparer.Ordinal).ToList();
        var values = await db.CurrentValuesOf(load.Period, load.AsOf).Where(v => cities.Contains(v.CityId)).ReadReportedValuesAsync(db, load.AsOf, cancellationToken);
        var network = before.Period.WithCities(cities, values);
        metrics.Loaded(EngineLoadMetrics.KindUpdate, load.Period, started);
        logger.LogDebug("Updated period {Period} (as of {AsOf}) with {Cities} cities that published: {Network}", load.Period, load.AsOf, cities.Count, network);
        return new Scorer(network, load.Targets);
    }

    // The cities whose values or verdicts changed between two versions: those that published a snapshot and those
    // whose values a verifier attested since. Null when the difference cannot be told (then the period is read whole).
    private static async Task<List<string>?> ChangedCitiesAsync(NetworkDbContext db, PeriodVersion previous, PeriodLoad load, CancellationToken cancellationToken)
    {
        var now = load.Version;
        if (now.Count < previous.Count || now.Attestations < previous.Attestations || (now.Count == previous.Count && now.Attestations == previous.Attestations))
        {
            return null;
        }

        var cities = new List<string>();
        if (now.Count > previous.Count)
        {
            if (previous.Newest is not { } since || now.Newest is not { } until)
            {
                return null;
            }

            var published = await PeriodVersion.Snapshots(db, load.Period, load.AsOf)
                .Where(s => s.ReceivedAt > since && s.ReceivedAt <= until)
                .Select(s => s.CityId)
                .ToListAsync(cancellationToken);
            if (published.Count != now.Count - previous.Count)
            {
                // A snapshot committed out of the order of its receipt times (two ingestions at once): the difference
                // cannot tell which ones are new.
                return null;
            }

            cities.AddRange(published);
        }

        if (now.Attestations > previous.Attestations)
        {
            if (now.NewestAttestation is not { } until)
            {
                return null;
            }

            var attestations = PeriodVersion.AttestationsOf(db, load.Period, load.AsOf).Where(a => a.ReceivedAt <= until);
            if (previous.NewestAttestation is { } since)
            {
                attestations = attestations.Where(a => a.ReceivedAt > since);
            }

            var attested = await attestations.Select(a => a.CityId).ToListAsync(cancellationToken);
            if (attested.Count != now.Attestations - previous.Attestations)
            {
                return null; // the same out-of-order commit, for attestations
            }

            cities.AddRange(attested);
        }

        return cities;
    }

    private sealed record PeriodLoad(Readership Readership, int Period, DateTimeOffset? AsOf, TargetSet Targets, PeriodVersion Version);

    private sealed record CachedScorer(PeriodVersion Version, TargetSet Targets, Lazy<Task<Scorer>> Scorer);
}
