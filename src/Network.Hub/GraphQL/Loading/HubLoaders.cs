using System.Collections.Concurrent;
using System.Globalization;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.GraphQL.Loading;

/// <summary>
/// The batched reads behind the GraphQL schema, one set per request. Each method queues a key and returns a
/// deferred result; all keys of one level of the query are then read with one SQL command per loader (and per
/// set of arguments), so <c>cities { snapshots values(period: 2020) }</c> costs the same number of round trips
/// for 1 city as for 500. Each fetch reads through its own pooled <see cref="NetworkDbContext"/>, since the
/// executor may run two loaders at once and a context serves one command at a time.
/// </summary>
/// <remarks>Every fetch reads for the request's caller (<see cref="CallerReadership"/>), passed to each scope it opens.</remarks>
public sealed class HubLoaders(IServiceScopeFactory scopes, RequestNetwork network, KpiCatalogue catalogue, CallerReadership reader)
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kpiOrder = catalogue.All.Select((k, i) => (k.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    /// <summary>A city by id; <see langword="null"/> when no member has it.</summary>
    public IDataLoaderResult<CityNode?> City(string id) =>
        Loader<string, CityNode?>("city", null, (ids, ct) => ReadAsync<string, CityNode?>(async db =>
            (IReadOnlyDictionary<string, CityNode?>)await db.Cities.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new CityNode(c.Id, c.Name, c.Population, c.IsSynthetic))
                .ToDictionaryAsync(c => c.Id, c => (CityNode?)c, StringComparer.Ordinal, ct), ct))
        .Load(id);

    /// <summary>Every accepted snapshot of a city, newest period first, newest signature first within a period.</summary>
    public IDataLoaderResult<IReadOnlyList<SnapshotNode>> Snapshots(string cityId) =>
        Loader<string, IReadOnlyList<SnapshotNode>>("snapshots", [], (ids, ct) => ReadAsync<string, IReadOnlyList<SnapshotNode>>(async db =>
        {
            var rows = await db.Snapshots.AsNoTracking()
                .Where(s => ids.Contains(s.CityId))
                .OrderByDescending(s => s.Period).ThenByDescending(s => s.IssuedAt).ThenByDescending(s => s.ReceivedAt)
                .Select(s => new SnapshotNode(s.SnapshotId, s.CityId, s.Period, s.Status, s.Supersedes, s.IssuedAt, s.ReceivedAt,
                    s.Digest, s.CatalogueVersion, s.KeyId, s.Values.Count))
                .ToListAsync(ct);
            return ByKey(rows, r => r.CityId);
        }, ct))
        .Load(cityId);

    /// <summary>The values of one snapshot, in catalogue order.</summary>
    public IDataLoaderResult<IReadOnlyList<ValueNode>> ValuesOfSnapshot(Guid snapshotId) =>
        Loader<Guid, IReadOnlyList<ValueNode>>("snapshot-values", [], (ids, ct) => ReadAsync<Guid, IReadOnlyList<ValueNode>>(async db =>
        {
            var rows = await db.KpiValues.Where(v => ids.Contains(v.SnapshotId)).WithVerdicts(db).AsNoTracking().ToListAsync(ct);
            return ByKey(InCatalogueOrder(rows.Select(r => ValueNode.From(r, db.SeesNetworkData))), v => v.SnapshotId);
        }, ct))
        .Load(snapshotId);

    /// <summary>
    /// A snapshot's JWS and disclosures as this reader may see them (<see cref="MembersOnly"/>): the JWS for everyone
    /// when it holds no note in the clear, the disclosures for members. Loaded only when asked for: a JWS can be large.
    /// </summary>
    public IDataLoaderResult<SignedForm> SignedForm(Guid snapshotId) =>
        Loader<Guid, SignedForm>("snapshot-signed", new SignedForm(null, null), (ids, ct) => ReadAsync<Guid, SignedForm>(async db =>
        {
            var member = db.SeesNetworkData;
            var rows = await db.Snapshots.AsNoTracking()
                .Where(s => ids.Contains(s.SnapshotId))
                .Select(s => new { s.SnapshotId, Jws = MembersOnly.Jws(s, member), Disclosures = MembersOnly.Disclosures(s, member) })
                .ToListAsync(ct);
            return rows.ToDictionary(r => r.SnapshotId, r => new SignedForm(r.Jws,
                r.Disclosures is { } held ? SelectiveDisclosure.Split("~" + held).Disclosures : member ? [] : null));
        }, ct))
        .Load(snapshotId);

    /// <summary>A city's current values (or as published on <paramref name="asOf"/>), of one period or all, newest period first.</summary>
    public IDataLoaderResult<IReadOnlyList<ValueNode>> Values(string cityId, int? period, DateTimeOffset? asOf) =>
        Loader<string, IReadOnlyList<ValueNode>>($"values:{period}:{Stamp(asOf)}", [], (ids, ct) => ReadAsync<string, IReadOnlyList<ValueNode>>(async db =>
        {
            var query = db.CurrentValues(asOf).Where(v => ids.Contains(v.CityId));
            if (period is { } p)
            {
                query = query.Where(v => v.Period == p);
            }

            var rows = await query.WithVerdicts(db, asOf).AsNoTracking().ToListAsync(ct);
            return ByKey(InCatalogueOrder(rows.Select(r => ValueNode.From(r, db.SeesNetworkData))).OrderByDescending(v => v.Period), v => v.CityId);
        }, ct))
        .Load(cityId);

    /// <summary>Every snapshot's value of one KPI for a city, oldest first: how the number was published and corrected.</summary>
    public IDataLoaderResult<IReadOnlyList<HistoryEntry>> History(string cityId, string kpi) =>
        Loader<string, IReadOnlyList<HistoryEntry>>($"history:{kpi}", [], (ids, ct) => ReadAsync<string, IReadOnlyList<HistoryEntry>>(async db =>
        {
            var current = db.CurrentSnapshots().Select(s => s.SnapshotId);
            var rows = await (
                    from v in db.KpiValues.AsNoTracking()
                    join s in db.Snapshots.AsNoTracking() on v.SnapshotId equals s.SnapshotId
                    where ids.Contains(v.CityId) && v.KpiCode == kpi
                    orderby s.Period, s.IssuedAt, s.ReceivedAt, v.DataPoint
                    select new HistoryEntry(
                        new SnapshotNode(s.SnapshotId, s.CityId, s.Period, s.Status, s.Supersedes, s.IssuedAt, s.ReceivedAt,
                            s.Digest, s.CatalogueVersion, s.KeyId, s.Values.Count),
                        current.Contains(s.SnapshotId),
                        StoredDataPoint.Read(v.DataPoint),
                        v.Value,
                        v.Unit,
                        v.Quality))
                .ToListAsync(ct);
            return ByKey(rows, e => e.Snapshot.CityId);
        }, ct))
        .Load(cityId);

    /// <summary>
    /// A city's score card for a period (as of a date, against a target set); <see langword="null"/> when the city
    /// reported nothing for the period. The period is loaded into the engine once for all cities asked for.
    /// </summary>
    public IDataLoaderResult<ScoreCardNode?> Scores(string cityId, int period, DateTimeOffset? asOf, TargetSet targets, ScoringBasis basis) =>
        Loader<string, ScoreCardNode?>($"scores:{period}:{Stamp(asOf)}:{targets}:{basis}", null, async (ids, ct) =>
        {
            var scorer = await network.ScorerAsync(period, asOf, targets, basis, ct);
            return ids.Where(scorer.Period.Contains).ToDictionary(id => id, id => (ScoreCardNode?)new ScoreCardNode(scorer.Score(id), basis), StringComparer.Ordinal);
        })
        .Load(cityId);

    private BatchLoader<TKey, TValue> Loader<TKey, TValue>(
        string name, TValue missing, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch, missing));

    private async Task<IReadOnlyDictionary<TKey, TValue>> ReadAsync<TKey, TValue>(
        Func<NetworkDbContext, Task<IReadOnlyDictionary<TKey, TValue>>> read, CancellationToken cancellationToken)
        where TKey : notnull
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateReadingScope(reader.Current);
        return await read(scope.ServiceProvider.GetRequiredService<NetworkDbContext>());
    }

    private IEnumerable<ValueNode> InCatalogueOrder(IEnumerable<ValueNode> values) =>
        values.OrderBy(v => _kpiOrder.GetValueOrDefault(v.KpiCode, int.MaxValue))
            .ThenBy(v => v.DataPoint is { } point && catalogue.TryGet(v.KpiCode, out var kpi) ? kpi.DataPoints.ToList().IndexOf(point) : -1);

    private static Dictionary<TKey, IReadOnlyList<T>> ByKey<TKey, T>(IEnumerable<T> rows, Func<T, TKey> key)
        where TKey : notnull =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToArray());

    private static string Stamp(DateTimeOffset? asOf) => asOf?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "now";
}
