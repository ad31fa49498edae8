using Network.Contracts.Catalogue;

namespace Network.Benchmarking;

/// <summary>
/// One KPI (or data point) across the network for one period: how many cities reported it, its median, and
/// each reporting city's standing. Built once per KPI by sorting the reported values once; a city's standing
/// is then two binary searches.
/// </summary>
public sealed class KpiDistribution
{
    private readonly Series _series;
    private readonly NetworkPeriod _period;
    private readonly double[] _sortedGoodness; // ascending: worst first; empty when the KPI has no direction
    private readonly double[] _sortedValues;   // ascending raw values, for the median

    internal KpiDistribution(Series series, NetworkPeriod period)
    {
        _series = series;
        _period = period;
        _sortedValues = new double[series.Count];
        var n = 0;
        for (var city = 0; city < series.Values.Length; city++)
        {
            if (series.IsReported(city))
            {
                _sortedValues[n++] = series.Values[city];
            }
        }

        Array.Sort(_sortedValues);
        IsRanked = Goodness.Ranks(series.Kpi);
        if (IsRanked)
        {
            // Sorting the values already orders higher-is-better (goodness = value) and, reversed,
            // lower-is-better (goodness = -value); only a target band needs a sort of its own.
            _sortedGoodness = new double[n];
            for (var i = 0; i < n; i++)
            {
                _sortedGoodness[i] = series.Kpi.Direction == Direction.LowerIsBetter
                    ? -_sortedValues[n - 1 - i]
                    : Goodness.Of(series.Kpi, _sortedValues[i]);
            }

            if (series.Kpi.Direction == Direction.TargetBand)
            {
                Array.Sort(_sortedGoodness);
            }
        }
        else
        {
            _sortedGoodness = [];
        }

        Median = n switch
        {
            0 => null,
            _ when n % 2 == 1 => _sortedValues[n / 2],
            _ => Midpoint(_sortedValues[(n / 2) - 1], _sortedValues[n / 2]),
        };
    }

    /// <summary>The KPI (and data point).</summary>
    public KpiKey Key => _series.Key;

    /// <summary>The KPI as the catalogue defines it.</summary>
    public Kpi Kpi => _series.Kpi;

    /// <summary>How many cities reported it for the period.</summary>
    public int ReportingCount => _series.Count;

    /// <summary>The network median; <see langword="null"/> when no city reported it.</summary>
    public double? Median { get; }

    /// <summary>
    /// Whether values are ordered from worse to better (percentile and rank): true for higher- and
    /// lower-is-better KPIs and for gender income equity (closer to parity, 1, is better); false for
    /// compositions without a direction such as mode share.
    /// </summary>
    public bool IsRanked { get; }

    /// <summary>The city's standing; <see langword="null"/> when the city did not report this KPI (data point).</summary>
    /// <param name="cityId">The city, e.g. <c>NO-5001</c>.</param>
    public Standing? StandingOf(string cityId) =>
        _period.TryGetCityIndex(cityId, out var city) && _series.IsReported(city) ? StandingAt(city) : null;

    /// <summary>
    /// The mean of the middle two values, computed in decimal: reported values are decimal numbers (7.4, 7.7), and
    /// their binary mean carries float noise (7.550000000000001) into every output that shows a median. The decimal
    /// mean converted back is the double nearest the true midpoint (7.55). Values beyond decimal's range, never a
    /// KPI's, fall back to the binary mean.
    /// </summary>
    internal static double Midpoint(double a, double b)
    {
        const double decimalRange = 7.9e27;
        return Math.Abs(a) < decimalRange && Math.Abs(b) < decimalRange
            ? (double)(((decimal)a + (decimal)b) / 2)
            : (a / 2) + (b / 2);
    }

    internal Standing StandingAt(int city)
    {
        var count = _series.Count;
        var median = Median ?? throw new InvalidOperationException("A standing needs at least one reported value.");
        if (!IsRanked)
        {
            return new Standing(null, null, count, median);
        }

        var goodness = Goodness.Of(_series.Kpi, _series.Values[city]);
        var worse = LowerBound(_sortedGoodness, goodness);
        var notBetter = UpperBound(_sortedGoodness, goodness);
        var tiedOthers = notBetter - worse - 1;
        double? percentile = count > 1 ? 100.0 * (worse + (tiedOthers / 2.0)) / (count - 1) : null;
        return new Standing(percentile, 1 + (count - notBetter), count, median);
    }

    // Number of elements strictly less than x.
    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }

    // Number of elements less than or equal to x.
    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }
}
