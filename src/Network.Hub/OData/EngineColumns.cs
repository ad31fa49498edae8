using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Scoring;
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

    private readonly NetworkDbContext? _db;
    private readonly NetworkScores? _scores;
    private readonly DateTimeOffset? _asOf;
    private readonly ScoringBasis _basis;
    private readonly Dictionary<int, LoadedPeriod> _periods = [];
    private readonly HashSet<int> _missing = [];
    private readonly Dictionary<(int Period, string City), ScoreCard?> _cards = [];

    private EngineColumns(NetworkDbContext? db, NetworkScores? scores, DateTimeOffset? asOf, ScoringBasis basis)
    {
        _db = db;
        _scores = scores;
        _asOf = asOf;
        _basis = basis;
    }

    /// <summary>No engine results: every engine column reads null. For requests that return no engine column.</summary>
    public static EngineColumns None => new(null, null, null, ScoringBasis.AsReported);

    /// <summary>Which values the engine columns count (the <c>basis</c> query option); stated in every row's <c>Basis</c>.</summary>
    public ScoringBasis Basis => _basis;

    /// <summary>No engine results, on <paramref name="basis"/> (the rows still say which basis was asked for).</summary>
    public static EngineColumns NoneOn(ScoringBasis basis) => new(null, null, null, basis);

    /// <summary>
    /// Whether a row read since the last <see cref="LoadMissingPeriodsAsync"/> needed a period not loaded yet (its engine
    /// columns read null): the query is then run again once those periods are loaded.
    /// </summary>
    public bool MissesPeriods => _missing.Count > 0;

    /// <summary>
    /// Prepares engine columns over the current snapshots as of <paramref name="asOf"/> (now when null), read through
    /// <paramref name="db"/> (the request's context: the engine is loaded over exactly what this caller reads in the
    /// rows). No period is loaded yet: the rows tell which periods the page needs (<see cref="MissesPeriods"/>), so a
    /// page of one period never pays for the others.
    /// </summary>
    public static EngineColumns For(NetworkDbContext db, NetworkScores scores, DateTimeOffset? asOf, ScoringBasis basis = ScoringBasis.AsReported)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scores);
        return new EngineColumns(db, scores, asOf, basis);
    }

    /// <summary>Loads the engine for the periods the rows read so far needed (<see cref="MissesPeriods"/>).</summary>
    public async Task LoadMissingPeriodsAsync(CancellationToken cancellationToken)
    {
        await LoadPeriodsAsync(_missing, cancellationToken);
        _missing.Clear();
    }

    /// <summary>
    /// Loads the engine for <paramref name="periods"/> (the cached scorers, when they are current), each with the
    /// period's version and current snapshots as this request sees them.
    /// </summary>
    public async Task LoadPeriodsAsync(IEnumerable<int> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (_db is null || _scores is null)
        {
            throw new InvalidOperationException("EngineColumns.None loads nothing.");
        }

        foreach (var period in periods)
        {
            // The version first: whatever arrives after it is seen by ChangedAsync, even if the scorer already holds it.
            var version = await PeriodVersion.ReadAsync(_db, period, _asOf, cancellationToken);
            var current = await _db.CurrentSnapshots(_asOf).Where(s => s.Period == period).Select(s => s.SnapshotId).ToListAsync(cancellationToken);
            var scorer = await _scores.ForPeriodAsync(_db.Readership, period, _asOf, targets: null, _basis, cancellationToken);
            _periods[period] = new LoadedPeriod(version, current.ToHashSet(), scorer);
        }
    }

    /// <summary>
    /// Whether a snapshot of a period this request loaded arrived since it was loaded: the engine columns might then
    /// belong to other data than the rows, and the request is run again. Snapshots of other periods do not matter.
    /// </summary>
    public async Task<bool> ChangedAsync(CancellationToken cancellationToken)
    {
        foreach (var (period, loaded) in _periods)
        {
            if (await PeriodVersion.ReadAsync(_db!, period, _asOf, cancellationToken) != loaded.Version)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The engine's result for one stored value; null when the value was not current when the engine scored it, or its period is not loaded yet.</summary>
    public ValueScore? Find(Guid snapshotId, string cityId, int period, string kpi, string dataPoint, double value)
    {
        if (_scores is null)
        {
            return null; // None: the request returns no engine column
        }

        if (!_periods.TryGetValue(period, out var loaded))
        {
            _missing.Add(period);
            return null;
        }

        if (!loaded.CurrentSnapshots.Contains(snapshotId))
        {
            return null;
        }

        var scorer = loaded.Scorer;

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

    private sealed record LoadedPeriod(PeriodVersion Version, HashSet<Guid> CurrentSnapshots, Scorer Scorer);
}
