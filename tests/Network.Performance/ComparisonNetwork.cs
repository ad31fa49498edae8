using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// The comparison benchmark's network: <see cref="CityCount"/> synthetic cities, each reporting every KPI of the
/// catalogue (every data point of the KPIs reported in parts) for <see cref="PeriodCount"/> periods. Ids, names and
/// values follow from the city's index alone, so a database built by an earlier run is recognised without keeping
/// the keys, which exist only while the database is built.
/// </summary>
/// <param name="CityCount">How many cities.</param>
/// <param name="FirstPeriod">The first reporting period (year).</param>
/// <param name="PeriodCount">How many consecutive periods each city reports.</param>
public sealed record ComparisonNetwork(int CityCount, int FirstPeriod, int PeriodCount)
{
    /// <summary>Bumped whenever the generated data changes, so a database built from older data is rebuilt.</summary>
    public const int GeneratorVersion = 1;

    // Real ISO 3166-1 codes (the verifier refuses made-up ones); "B" and the index mark a benchmark city.
    private static readonly string[] Countries = ["NO", "SE", "DK", "FI", "IS", "DE", "NL", "FR", "ES", "IT"];

    /// <summary>The reporting periods, oldest first.</summary>
    public IEnumerable<int> Periods => Enumerable.Range(FirstPeriod, PeriodCount);

    /// <summary>The newest period: the one compared unless another is asked for.</summary>
    public int LastPeriod => FirstPeriod + PeriodCount - 1;

    /// <summary>The id of the city with <paramref name="index"/>, e.g. <c>SE-B0001</c>.</summary>
    public static string CityIdOf(int index) => $"{Countries[index % Countries.Length]}-B{index.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The display name of the city with <paramref name="index"/>.</summary>
    public static string NameOf(int index) => $"Benchmark city {index.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary><paramref name="count"/> cities spread evenly over the network, in the order a comparison lists them.</summary>
    public IReadOnlyList<string> SpreadCities(int count)
    {
        if (count < 1 || count > CityCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Compare between 1 and {CityCount} cities.");
        }

        return Enumerable.Range(0, count).Select(i => CityIdOf(i * CityCount / count)).ToArray();
    }

    /// <summary>
    /// A city's full report for one period: every KPI and data point, each value at its own place in the unit's
    /// range, so the cities rank differently on every KPI (equal values would make every rank a tie).
    /// </summary>
    public static IReadOnlyList<KpiValue> Values(KpiCatalogue catalogue, int cityIndex, int period)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var values = new List<KpiValue>();
        for (var k = 0; k < catalogue.All.Count; k++)
        {
            var kpi = catalogue.All[k];
            string?[] points = kpi.HasDataPoints ? [.. kpi.DataPoints] : [null];
            foreach (var point in points)
            {
                var value = FullSnapshots.ValueFor(kpi.Unit, k, Position(cityIndex, k, values.Count, period));
                if (!kpi.Unit.Admits(value))
                {
                    throw new InvalidOperationException($"Generated {value} for {kpi.Code}, outside its unit's range {kpi.Unit.DescribeRange()}.");
                }

                values.Add(SnapshotBuilder.Value(kpi.Code, value, kpi.Unit.Symbol, point));
            }
        }

        return values;
    }

    /// <summary>The signed snapshot of the city with <paramref name="cityIndex"/> (whose key <paramref name="city"/> holds) for <paramref name="period"/>.</summary>
    public static string Sign(TestCity city, int cityIndex, int period, KpiCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(city);
        return city.Snapshot()
            .ForPeriod(period)
            .IssuedAt(new DateTimeOffset(period + 1, 3, 31, 12, 0, 0, TimeSpan.Zero)) // reports follow the year they describe
            .WithValues(Values(catalogue, cityIndex, period))
            .Sign();
    }

    // A fixed, well-spread place in [0.05, 0.95] per city, value and period (golden-ratio steps): no randomness,
    // so every run builds the same data.
    private static double Position(int cityIndex, int kpiIndex, int valueIndex, int period)
    {
        var x = cityIndex * 0.6180339887 + kpiIndex * 0.1372 + valueIndex * 0.0419 + period * 0.0713;
        return 0.05 + 0.9 * (x - Math.Floor(x));
    }
}
