using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Scoring;

/// <summary>
/// One KPI a city reported, scored. A KPI reported as one number has one value; a KPI reported in data points
/// has one value per data point reported, and counts once in the roll-ups: its points are the mean of the points
/// of its data points that have a target, and its percentile the mean of its data points' percentiles.
/// </summary>
/// <param name="Kpi">The KPI as the catalogue defines it.</param>
/// <param name="Values">The reported values (one, or one per reported data point), in catalogue order.</param>
/// <param name="Points">Points, 1–4 (a mean may be fractional); <see langword="null"/> when no value has a target.</param>
/// <param name="Band">The band of <see cref="Points"/> as a share of the 4 possible; for one value, that value's band.</param>
/// <param name="Percentile">The percentile in the network (mean over data points); <see langword="null"/> when undefined.</param>
/// <param name="Explanation">How the points and percentile were formed.</param>
public sealed record KpiScore(
    Kpi Kpi,
    IReadOnlyList<ValueScore> Values,
    double? Points,
    Band? Band,
    double? Percentile,
    string Explanation)
{
    /// <summary>The KPI's code.</summary>
    public string Code => Kpi.Code;

    /// <summary>The value for a data point (or the only value when <paramref name="dataPoint"/> is <see langword="null"/>);
    /// <see langword="null"/> when it was not reported.</summary>
    public ValueScore? Value(string? dataPoint = null) =>
        Values.FirstOrDefault(v => string.Equals(v.Key.DataPoint, dataPoint, StringComparison.Ordinal));
}
