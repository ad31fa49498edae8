using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Hub.Cities;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Pages.Profile;

/// <summary>
/// What the pages show, read through the services the API uses (<see cref="CitiesApi"/>, <see cref="NetworkScores"/>,
/// the current values with their verdicts), over what the request's reader may read: the embargo's query filter applies,
/// and ranks and percentiles come from the scorer of the reader's readership, so a public reader's standings are
/// computed over the public record only.
/// </summary>
public sealed class CityPagesReader(NetworkDbContext db, NetworkScores scores, CallerReadership reader, KpiCatalogue catalogue)
{
    /// <summary>The catalogue the pages arrange values by.</summary>
    public KpiCatalogue Catalogue => catalogue;

    /// <summary>Whether the request reads only the public record (an anonymous visitor).</summary>
    public bool IsPublicReader => reader.Current == Readership.Public;

    /// <summary>Every city as <c>GET /api/cities</c> lists it, with how many KPIs its current values report, in all and per dimension.</summary>
    public async Task<IReadOnlyList<NetworkRow>> CitiesAsync(CancellationToken cancellationToken)
    {
        var cities = (await CitiesApi.ListAsync(db, cancellationToken)).Value ?? [];
        var reported = await db.CurrentValues()
            .Select(v => new { v.CityId, v.KpiCode }).Distinct()
            .ToListAsync(cancellationToken);
        var byCity = reported.GroupBy(r => r.CityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.KpiCode).ToList(), StringComparer.Ordinal);
        return [.. cities.Select(c =>
        {
            var codes = byCity.GetValueOrDefault(c.Id) ?? [];
            var perDimension = codes
                .Select(code => catalogue.TryGet(code, out var kpi) ? kpi.Dimension : (Dimension?)null)
                .OfType<Dimension>()
                .GroupBy(d => d)
                .ToDictionary(g => g.Key, g => g.Count());
            return new NetworkRow(c, codes.Count, perDimension);
        })];
    }

    /// <summary>
    /// One city's profile for <paramref name="period"/> (its latest period the reader may see when null), scored against
    /// <paramref name="targets"/>; null when there is no such city. When the city has no such period, the profile
    /// carries its periods and no values (<see cref="CityProfile.Period"/> is null).
    /// </summary>
    public async Task<CityProfile?> ProfileAsync(string cityId, int? period, TargetSet targets, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().Where(c => c.Id == cityId).Select(c => new { c.Id, c.Name, c.Population }).SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return null;
        }

        var snapshots = await db.CurrentSnapshots().Where(s => s.CityId == cityId)
            .Select(s => new ProfileSnapshot(s.SnapshotId, s.Period, s.Status, s.IssuedAt, s.Digest))
            .ToListAsync(cancellationToken);
        var periods = snapshots.Select(s => s.Period).Distinct().OrderByDescending(p => p).ToList();
        var chosen = period ?? (periods.Count > 0 ? periods[0] : null);
        if (chosen is not { } shown || !periods.Contains(shown))
        {
            return new CityProfile(city.Id, city.Name, city.Population, periods, null, null, [], [], new Dictionary<(string, string), IReadOnlyList<TrendPoint>>());
        }

        // The values are read by the ids of the city's current snapshots, read above: the same rows as
        // CurrentValues() narrowed to the city, but SQLite then starts from the city's snapshots instead of testing
        // every current snapshot of the network (the 1,000-city benchmark: ~470 ms to a few ms per page).
        var shownIds = snapshots.Where(s => s.Period == shown).Select(s => s.SnapshotId).ToList();
        var currentIds = snapshots.Select(s => s.SnapshotId).ToList();
        var values = await db.KpiValues.Where(v => shownIds.Contains(v.SnapshotId)).WithVerdicts(db)
            .AsNoTracking().ToListAsync(cancellationToken);
        var history = await db.KpiValues.Where(v => currentIds.Contains(v.SnapshotId))
            .Select(v => new { v.KpiCode, v.DataPoint, v.Period, v.Value })
            .ToListAsync(cancellationToken);
        var trends = history
            .GroupBy(h => (h.KpiCode, h.DataPoint))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<TrendPoint>)[.. g.DistinctBy(h => h.Period).OrderBy(h => h.Period).Select(h => new TrendPoint(h.Period, h.Value))]);

        var scorer = await scores.ForPeriodAsync(reader.Current, shown, targets: targets, cancellationToken: cancellationToken);
        var card = scorer.Period.Contains(cityId) ? scorer.Score(cityId) : null;
        return new CityProfile(city.Id, city.Name, city.Population, periods, shown, card,
            [.. values.Select(v => new ProfileValue(v.Value, ValueVerdict.Of(v.Verdict),
                card?.Kpi(v.Value.KpiCode)?.Value(string.IsNullOrEmpty(v.Value.DataPoint) ? null : v.Value.DataPoint)))],
            [.. snapshots.Where(s => s.Period == shown)],
            trends);
    }
}

/// <summary>A row of the Network page.</summary>
/// <param name="City">The city as the API lists it.</param>
/// <param name="ReportedKpis">How many of the catalogue's KPIs its current values report.</param>
/// <param name="ReportedByDimension">How many of each dimension's KPIs they report (a dimension it reports nothing of is absent).</param>
public sealed record NetworkRow(CityView City, int ReportedKpis, IReadOnlyDictionary<Dimension, int> ReportedByDimension)
{
    /// <summary>The country: the first two letters of the city id (<c>NO</c> for <c>NO-5001</c>).</summary>
    public string Country => City.Id.Length >= 2 ? City.Id[..2] : City.Id;
}

/// <summary>A city's profile: its score card and current values of one period, its periods, snapshots and trends.</summary>
/// <param name="Id">The city id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Periods">The periods of its current snapshots the reader may read, newest first.</param>
/// <param name="Period">The period shown; null when none (no published period, or not one of <paramref name="Periods"/>).</param>
/// <param name="Card">The score card of that period, as GraphQL's <c>city { scores }</c> computes it; null when none.</param>
/// <param name="Values">The current values of that period.</param>
/// <param name="Snapshots">The current snapshots of that period, whose values these are.</param>
/// <param name="Trends">Per KPI code and data point (empty for none), its values over every period the reader may read, oldest first.</param>
public sealed record CityProfile(
    string Id,
    string Name,
    int? Population,
    IReadOnlyList<int> Periods,
    int? Period,
    ScoreCard? Card,
    IReadOnlyList<ProfileValue> Values,
    IReadOnlyList<ProfileSnapshot> Snapshots,
    IReadOnlyDictionary<(string KpiCode, string DataPoint), IReadOnlyList<TrendPoint>> Trends);

/// <summary>A current value with its verdict and its score.</summary>
/// <param name="Value">The stored value.</param>
/// <param name="Verdict">Its current verdict, if any.</param>
/// <param name="Score">The engine's score of it (target, band, network standing); null when the engine did not score it.</param>
public sealed record ProfileValue(KpiValueRecord Value, ValueVerdict? Verdict, ValueScore? Score);

/// <summary>A current snapshot of the period shown.</summary>
/// <param name="SnapshotId">Its id (<c>GET /api/snapshots/{id}</c>).</param>
/// <param name="Period">Its period.</param>
/// <param name="Status">Final, correction or (for members) preliminary.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="Digest">The snapshot digest.</param>
public sealed record ProfileSnapshot(Guid SnapshotId, int Period, Network.Contracts.Snapshots.SnapshotStatus Status, DateTimeOffset IssuedAt, string Digest);

/// <summary>One point of a KPI's trend.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The value the city reported for it.</param>
public sealed record TrendPoint(int Period, double Value);
