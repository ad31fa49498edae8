using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>
/// One KPI as matching sees it: a column of the index. A KPI counts once, however many data points it has (as in
/// the roll-ups), so air pollution's five pollutants weigh no more than unemployment's one number.
/// </summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Series">Its period columns: one per data point, or one.</param>
/// <param name="Targets">The target of each series in the matcher's target set, for points and band in explanations.</param>
internal sealed record MatchColumn(Kpi Kpi, Series[] Series, Target?[] Targets)
{
    /// <summary>
    /// Whether the city has a percentile for this data point: it reported it and is not alone in doing so (a single
    /// reporting city has no percentile, see <see cref="Standing.Percentile"/>).
    /// </summary>
    public static bool HasPercentile(Series series, int city) => series.IsReported(city) && series.Count > 1;
}
