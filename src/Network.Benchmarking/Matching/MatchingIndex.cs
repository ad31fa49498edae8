using System.Collections.Frozen;
using System.Numerics;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Matching;

/// <summary>
/// The dense form of one period that matching scans: for every city and every ranked KPI, the city's KPI standing
/// (the mean of its data points' percentiles, as on its score card; <c>NaN</c> when missing) and its quality weight.
/// Built once per period; immutable afterwards and safe to share between threads.
/// </summary>
/// <remarks>
/// Two copies of the standings: doubles (cities × KPIs) for every number a result reports, and a single-precision
/// copy padded to whole SIMD vectors per city, with a weight matrix beside it, for the one hot loop (scoring one city
/// against all others). That loop's results only bound and choose candidates, which are then scored again in double
/// precision. (A 16-bit fixed-point copy was tried: half the memory, but no faster; the loop is bound by arithmetic.)
/// A missing KPI is weight 0 in the fast copy, so it adds nothing there, and <c>NaN</c> in the exact one, so it can
/// never be read as a number. Overlap counts come from one bit per KPI (popcount), exactly.
/// </remarks>
internal sealed class MatchingIndex
{
    private readonly double[] _standing;   // city * ColumnCount + column; NaN = no standing
    private readonly float[] _fastStanding; // city * Stride + column; 0 where missing or padding
    private readonly float[] _fastWeight;   // city * Stride + column; 0 where missing or padding
    private readonly ulong[] _reported;     // city * Words + column / 64: bit set = has a standing
    private readonly CityContext[] _contexts;
    private readonly double[] _population;  // NaN = unknown

    private MatchingIndex(NetworkPeriod period, TargetSet targets, MatchColumn[] columns, CityContext[] contexts)
    {
        Period = period;
        Targets = targets;
        Columns = columns;
        ColumnOf = columns.Select((c, i) => (c.Kpi.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        CityCount = period.Cities.Count;
        Stride = (columns.Length + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        Words = (columns.Length + 63) / 64;
        _contexts = contexts;
        _population = Array.ConvertAll(contexts, c => c.Population is { } p ? p : double.NaN);
        _standing = new double[CityCount * columns.Length];
        _fastStanding = new float[CityCount * Stride];
        _fastWeight = new float[CityCount * Stride];
        _reported = new ulong[CityCount * Words];
    }

    public NetworkPeriod Period { get; }

    public TargetSet Targets { get; }

    /// <summary>The ranked KPIs, in catalogue order; KPIs without a direction (compositions) are not matched.</summary>
    public MatchColumn[] Columns { get; }

    public FrozenDictionary<string, int> ColumnOf { get; }

    public int CityCount { get; }

    /// <summary>Floats per city in the fast copy: the column count rounded up to whole vectors.</summary>
    public int Stride { get; }

    /// <summary>64-bit words per city in the reported bit set.</summary>
    public int Words { get; }

    public ReadOnlySpan<float> FastStanding => _fastStanding;

    public ReadOnlySpan<float> FastWeight => _fastWeight;

    public ReadOnlySpan<ulong> Reported => _reported;

    public static MatchingIndex Build(NetworkPeriod period, TargetSet targets, IReadOnlyDictionary<string, CityContext>? contexts)
    {
        var columns = period.Catalogue.All
            .Where(Goodness.Ranks)
            .Select(kpi =>
            {
                var series = period.SeriesOf(kpi.Code);
                return new MatchColumn(kpi, series, Array.ConvertAll(series, s => targets.Find(s.Key)));
            })
            .ToArray();
        var cityContexts = period.Cities
            .Select(id => contexts is not null && contexts.TryGetValue(id, out var given) && given is not null
                ? given with { CityId = id }
                : CityContext.Of(id))
            .ToArray();
        var index = new MatchingIndex(period, targets, columns, cityContexts);
        index.Fill();
        return index;
    }

    /// <summary>The city's KPI standing, 0–100; <c>NaN</c> when it has none for that KPI.</summary>
    public double StandingAt(int city, int column) => _standing[(city * Columns.Length) + column];

    /// <summary>The city's standings on every column.</summary>
    public ReadOnlySpan<double> StandingsOf(int city) => _standing.AsSpan(city * Columns.Length, Columns.Length);

    /// <summary>
    /// The city's quality weight on a KPI: the mean of <see cref="QualityWeights"/> over the data points that make up
    /// its standing. Recomputed from the period (a few bytes) rather than stored, so exact weights cost no memory.
    /// </summary>
    public double WeightAt(int city, int column)
    {
        double sum = 0;
        var count = 0;
        foreach (var series in Columns[column].Series)
        {
            if (MatchColumn.HasPercentile(series, city))
            {
                sum += QualityWeights.Of(series.QualityAt(city), series.VerifiedAt(city));
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>The city's exact standings and weights, copied out for loops over many partners.</summary>
    public CityStandings RowOf(int city)
    {
        var weights = new double[Columns.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] = double.IsNaN(StandingAt(city, k)) ? 0 : WeightAt(city, k);
        }

        return new CityStandings(city, StandingsOf(city).ToArray(), weights);
    }

    /// <summary>How many KPIs both cities have a standing on.</summary>
    public int Overlap(int a, int b)
    {
        var overlap = 0;
        var ra = _reported.AsSpan(a * Words, Words);
        var rb = _reported.AsSpan(b * Words, Words);
        for (var i = 0; i < ra.Length; i++)
        {
            overlap += BitOperations.PopCount(ra[i] & rb[i]);
        }

        return overlap;
    }

    public string CityIdAt(int city) => Period.Cities[city];

    public CityContext ContextAt(int city) => _contexts[city];

    public string CountryAt(int city) => _contexts[city].Country;

    /// <summary>Inhabitants; <c>NaN</c> when unknown.</summary>
    public double PopulationAt(int city) => _population[city];

    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    public int CityIndexOf(string cityId) =>
        Period.TryGetCityIndex(cityId ?? throw new ArgumentNullException(nameof(cityId)), out var city)
            ? city
            : throw new KeyNotFoundException($"{cityId} reported no values for {Period.Period}.");

    /// <summary>
    /// One pass per KPI over its data points' columns: each reported data point's percentile comes from the period's
    /// own <see cref="KpiDistribution.StandingAt"/> (the same number the score card shows), then the KPI's standing is
    /// their mean. KPIs are independent, so they are filled in parallel.
    /// </summary>
    private void Fill()
    {
        var n = CityCount;
        var k = Columns.Length;
        Array.Fill(_standing, double.NaN);
        Parallel.For(
            0,
            k,
            () => (Sum: new double[n], Weight: new double[n], Count: new int[n]),
            (column, _, acc) =>
            {
                Array.Clear(acc.Sum);
                Array.Clear(acc.Weight);
                Array.Clear(acc.Count);
                foreach (var series in Columns[column].Series)
                {
                    if (series.Count < 2)
                    {
                        continue;   // nobody to stand among: no percentile
                    }

                    var distribution = series.Distribution;
                    for (var city = 0; city < n; city++)
                    {
                        if (series.IsReported(city))
                        {
                            acc.Sum[city] += distribution.StandingAt(city).Percentile!.Value;
                            acc.Weight[city] += QualityWeights.Of(series.QualityAt(city), series.VerifiedAt(city));
                            acc.Count[city]++;
                        }
                    }
                }

                for (var city = 0; city < n; city++)
                {
                    if (acc.Count[city] > 0)
                    {
                        var standing = acc.Sum[city] / acc.Count[city];
                        _standing[(city * k) + column] = standing;
                        _fastStanding[(city * Stride) + column] = (float)standing;
                        _fastWeight[(city * Stride) + column] = (float)(acc.Weight[city] / acc.Count[city]);
                    }
                }

                return acc;
            },
            _ => { });

        for (var city = 0; city < n; city++)
        {
            for (var column = 0; column < k; column++)
            {
                if (!double.IsNaN(_standing[(city * k) + column]))
                {
                    _reported[(city * Words) + (column >> 6)] |= 1UL << (column & 63);
                }
            }
        }
    }
}
