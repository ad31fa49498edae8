using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Scoring;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// The benchmarking engine's results for the values one feed request returns. Prepared before the database query from
/// the same current snapshots the engine scores (now, or as of a date), then read row by row while the rows are
/// materialised: a value gets engine columns only when its snapshot is one of those current snapshots, so a
/// superseded value never shows the score of the value that replaced it. A period's engine is loaded only when a row
/// of the page needs it (the page is then read again), so a page costs the periods it shows, not every period
/// stored. One instance serves one request.
/// </summary>
public sealed class EngineColumns
{
    /// <summary>The names of the feed properties the engine computes; they cannot be used in <c>$filter</c>, <c>$orderby</c> or <c>$apply</c>.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(KpiValueRow.Score), nameof(KpiValueRow.Points), nameof(KpiValueRow.Band), nameof(KpiValueRow.Target),
        nameof(KpiValueRow.Percentile), nameof(KpiValueRow.Rank), nameof(KpiValueRow.ReportingCities),
        nameof(KpiValueRow.NetworkMedian), nameof(KpiValueRow.Explanation),
    };

    private readonly NetworkScores? _scores;
    private readonly Readership _readership;
    private readonly DateTimeOffset? _asOf;
    private readonly HashSet<Guid> _scoredSnapshots;
    private readonly Dictionary<int, Scorer> _scorers = [];
    private readonly HashSet<int> _missing = [];
    private readonly Dictionary<(int Period, string City), ScoreCard?> _cards = [];

    private EngineColumns(NetworkScores? scores, Readership readership, DateTimeOffset? asOf, HashSet<Guid> scoredSnapshots)
    {
        _scores = scores;
        _readership = readership;
        _asOf = asOf;
        _scoredSnapshots = scoredSnapshots;
    }

    /// <summary>No engine results: every engine column reads null. For requests that return no engine column.</summary>
    public static EngineColumns None => new(null, Readership.Public, null, []);

    /// <summary>
    /// Whether a row read since the last <see cref="LoadMissingPeriodsAsync"/> needed a period not loaded yet (its engine
    /// columns read null): the query is then run again once those periods are loaded.
    /// </summary>
    public bool MissesPeriods => _missing.Count > 0;

    /// <summary>
    /// Prepares engine columns over the current snapshots as of <paramref name="asOf"/> (now when null). No period is
    /// loaded yet: the rows tell which periods the page needs (<see cref="MissesPeriods"/>), so a page of one period
    /// never pays for the others.
    /// </summary>
    public static async Task<EngineColumns> LoadAsync(NetworkDbContext db, NetworkScores scores, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scores);
        var current = await db.CurrentSnapshots(asOf).Select(s => s.SnapshotId).ToListAsync(cancellationToken);
        // The request's own readership: the engine is loaded over exactly what this caller reads in the rows.
        return new EngineColumns(scores, db.Readership, asOf, current.ToHashSet());
    }

    /// <summary>Loads the engine for the periods the rows read so far needed (the cached scorers, when they are current).</summary>
    public async Task LoadMissingPeriodsAsync(CancellationToken cancellationToken)
    {
        foreach (var period in _missing)
        {
            _scorers[period] = await _scores!.ForPeriodAsync(_readership, period, _asOf, cancellationToken: cancellationToken);
        }

        _missing.Clear();
    }

    /// <summary>The engine's result for one stored value; null when the value was not current when the engine scored it, or its period is not loaded yet.</summary>
    public ValueScore? Find(Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value)
    {
        if (!_scoredSnapshots.Contains(snapshotId))
        {
            return null;
        }

        if (!_scorers.TryGetValue(period, out var scorer))
        {
            _missing.Add(period);
            return null;
        }

        if (!_cards.TryGetValue((period, cityId), out var card))
        {
            card = scorer.Period.Contains(cityId) ? scorer.Score(cityId) : null;
            _cards[(period, cityId)] = card;
        }

        var score = card?.Kpi(kpi)?.Value(StoredDataPoint.Read(dataPoint));
        // The engine was loaded from the same current snapshots as the row: the numbers agree. Should they not
        // (a bug, never a race: the feed re-runs a request whose data changed underneath), show nothing rather than another value's score.
        return score is not null && score.Value.Equals(value) ? score : null;
    }

    // Called from the feed's database projection: EF Core evaluates them on each materialised row.
#pragma warning disable CS1591 // one accessor per engine column; each reads the property of the same name from the engine's ValueScore
    public static double? Score(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.PercentOfTarget;

    public static int? Points(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Points;

    public static string? Band(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Band is { } band ? Bands.LabelOf(band) : null;

    public static double? Target(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Target?.Value;

    public static double? Percentile(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Standing.Percentile;

    public static int? Rank(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Standing.Rank;

    public static int? ReportingCities(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Standing.ReportingCount;

    public static double? NetworkMedian(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Standing.NetworkMedian;

    public static string? Explanation(EngineColumns engine, Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value) =>
        engine.Find(snapshotId, cityId, period, kpi, dataPoint, value)?.Explanation;
#pragma warning restore CS1591
}
