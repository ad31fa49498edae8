using System.Collections.Frozen;
using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking;

/// <summary>
/// The input of the engine: the values every city of the network reported for one period (year), checked
/// against the KPI catalogue and indexed once. Scoring, standings and peer matching all read from it.
/// A KPI a city did not report is absent, never zero. Immutable and safe to share between threads.
/// </summary>
public sealed class NetworkPeriod
{
    private const int ProblemsShown = 20;

    private readonly FrozenDictionary<string, int> _cityIndex;
    private readonly FrozenDictionary<KpiKey, Series> _seriesByKey;
    private readonly FrozenDictionary<string, Series[]> _seriesByKpi;

    private NetworkPeriod(KpiCatalogue catalogue, int period, string[] cities)
    {
        Catalogue = catalogue;
        Period = period;
        Cities = cities;
        _cityIndex = cities.Select((id, i) => (id, i)).ToFrozenDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

        var series = new List<Series>();
        var byKpi = new Dictionary<string, Series[]>(StringComparer.Ordinal);
        foreach (var kpi in catalogue.All)
        {
            var keys = kpi.HasDataPoints
                ? kpi.DataPoints.Select(p => new KpiKey(kpi.Code, p))
                : [new KpiKey(kpi.Code)];
            var own = keys.Select(k => new Series(k, kpi, cities.Length, s => new KpiDistribution(s, this))).ToArray();
            byKpi.Add(kpi.Code, own);
            series.AddRange(own);
        }

        AllSeries = series.ToArray();
        Keys = Array.ConvertAll(AllSeries, s => s.Key);
        _seriesByKey = AllSeries.ToFrozenDictionary(s => s.Key);
        _seriesByKpi = byKpi.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The catalogue the values were checked against.</summary>
    public KpiCatalogue Catalogue { get; }

    /// <summary>The reporting period (year).</summary>
    public int Period { get; }

    /// <summary>The cities that reported at least one value, ordered by id (ordinal).</summary>
    public IReadOnlyList<string> Cities { get; }

    /// <summary>Every KPI and data point a city can report, in catalogue order (111 for the U4SSC catalogue).</summary>
    public IReadOnlyList<KpiKey> Keys { get; }

    /// <summary>How many values the period holds.</summary>
    public int ValueCount => AllSeries.Sum(s => s.Count);

    internal Series[] AllSeries { get; }

    /// <summary>
    /// Checks and indexes the values of one period. Each value must name a city id, a KPI of the catalogue, a data
    /// point exactly when the KPI has data points, and a number the KPI's unit admits; a city reports a KPI (data
    /// point) at most once. Every problem is reported at once.
    /// </summary>
    /// <param name="period">The reporting year.</param>
    /// <param name="values">The values of all cities; the current snapshot of each city for the period.</param>
    /// <param name="catalogue">The catalogue; <see cref="KpiCatalogue.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">Some values break the rules; the message lists them.</exception>
    public static NetworkPeriod Create(int period, IEnumerable<ReportedValue> values, KpiCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        catalogue ??= KpiCatalogue.Default;
        var list = values.ToList();
        var problems = new List<string>();
        var cityProblems = new Dictionary<string, string?>(StringComparer.Ordinal);   // one check per city, not per value
        for (var i = 0; i < list.Count; i++)
        {
            if (Check(list[i], catalogue, cityProblems) is { } problem)
            {
                problems.Add($"value {i} ({Describe(list[i])}): {problem}");
            }
        }

        var cities = cityProblems.Where(c => c.Value is null).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var result = new NetworkPeriod(catalogue, period, cities);
        if (problems.Count == 0)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var v = list[i];
                if (!result._seriesByKey[v.Key].TrySet(result._cityIndex[v.CityId], v.Value, v.Quality, v.Verified))
                {
                    problems.Add($"value {i} ({Describe(v)}): the city already reported {v.Key} for {period}");
                }
            }
        }

        if (problems.Count > 0)
        {
            var more = problems.Count > ProblemsShown ? $"{Environment.NewLine}... and {problems.Count - ProblemsShown} more" : "";
            throw new ArgumentException(
                $"{problems.Count} of the {list.Count} values for {period} cannot be used:{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Take(ProblemsShown)) + more,
                nameof(values));
        }

        return result;
    }

    /// <summary>
    /// This period with the values of <paramref name="cities"/> replaced by <paramref name="values"/>: what a new
    /// snapshot of those cities changes, without reading the other cities' values again. A named city with no value in
    /// <paramref name="values"/> drops out; a city that was not in the period joins it. The values are checked as
    /// <see cref="Create"/> checks them.
    /// </summary>
    /// <param name="cities">The cities whose values are replaced.</param>
    /// <param name="values">The replaced cities' values: every value of theirs the new period holds.</param>
    /// <exception cref="ArgumentException">A value is for a city not named in <paramref name="cities"/>, or some values break the rules.</exception>
    public NetworkPeriod WithCities(IReadOnlyCollection<string> cities, IEnumerable<ReportedValue> values)
    {
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentNullException.ThrowIfNull(values);
        var replaced = cities.ToHashSet(StringComparer.Ordinal);
        var list = values.ToList();
        if (list.FirstOrDefault(v => v is not null && !replaced.Contains(v.CityId)) is { } stray)
        {
            throw new ArgumentException($"{stray.CityId} reported {stray.Key}, but it is not one of the cities replaced.", nameof(values));
        }

        var kept = Cities.Where(c => !replaced.Contains(c)).SelectMany(ValuesOf);
        return Create(Period, kept.Concat(list), Catalogue);
    }

    /// <summary>Whether the city reported at least one value for the period.</summary>
    public bool Contains(string cityId) => _cityIndex.ContainsKey(cityId);

    /// <summary>The city's value for a KPI (data point); <see langword="null"/> when it did not report it.</summary>
    public ReportedValue? Find(string cityId, KpiKey key) =>
        _cityIndex.TryGetValue(cityId, out var city) && _seriesByKey.TryGetValue(key, out var series) && series.IsReported(city)
            ? series.ValueAt(city, cityId)
            : null;

    /// <summary>Every value the city reported, in catalogue order; empty for a city that is not in the period.</summary>
    public IEnumerable<ReportedValue> ValuesOf(string cityId)
    {
        if (!_cityIndex.TryGetValue(cityId, out var city))
        {
            yield break;
        }

        foreach (var series in AllSeries)
        {
            if (series.IsReported(city))
            {
                yield return series.ValueAt(city, cityId);
            }
        }
    }

    /// <summary>The network's distribution of one KPI (data point): reporting count, median and standings.</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such KPI or data point.</exception>
    public KpiDistribution Distribution(KpiKey key) =>
        _seriesByKey.TryGetValue(key, out var series)
            ? series.Distribution
            : throw new KeyNotFoundException($"The catalogue {Catalogue.Version} has no KPI (data point) {key}.");

    internal bool TryGetCityIndex(string cityId, out int city) => _cityIndex.TryGetValue(cityId, out city);

    /// <summary>The columns of one KPI: one per data point, or one.</summary>
    internal Series[] SeriesOf(string kpi) => _seriesByKpi[kpi];

    private static string? Check(ReportedValue? v, KpiCatalogue catalogue, Dictionary<string, string?> cityProblems)
    {
        if (v is null)
        {
            return "the value is missing (null)";
        }

        if (v.CityId is null)
        {
            return CityId.Explain(null);
        }

        if (!cityProblems.TryGetValue(v.CityId, out var badCity))
        {
            badCity = CityId.Explain(v.CityId);
            cityProblems.Add(v.CityId, badCity);
        }

        if (badCity is not null)
        {
            return badCity;
        }

        if (!catalogue.TryGet(v.Kpi ?? "", out var kpi))
        {
            return $"the catalogue {catalogue.Version} has no KPI '{v.Kpi}'";
        }

        if (kpi.HasDataPoints && v.DataPoint is null)
        {
            return $"{kpi.Code} is reported per data point; name one of: {string.Join(", ", kpi.DataPoints)}";
        }

        if (!kpi.HasDataPoints && v.DataPoint is not null)
        {
            return $"{kpi.Code} is reported as one number, without a data point";
        }

        if (v.DataPoint is not null && !kpi.DataPoints.Contains(v.DataPoint, StringComparer.Ordinal))
        {
            return $"{kpi.Code} has no data point '{v.DataPoint}'; it has: {string.Join(", ", kpi.DataPoints)}";
        }

        if (!kpi.Unit.Admits(v.Value))
        {
            return $"{v.Value.ToString(CultureInfo.InvariantCulture)} is not a possible value in {kpi.Unit.Symbol}: it must be {kpi.Unit.DescribeRange()}";
        }

        return Enum.IsDefined(v.Quality) ? null : $"'{(int)v.Quality}' is not a data-quality class";
    }

    private static string Describe(ReportedValue? v) => v is null ? "null" : $"{v.CityId}, {v.Key}";

    /// <summary>For the debugger and logs.</summary>
    public override string ToString() => $"{Period}: {Cities.Count} cities, {ValueCount} values";
}
