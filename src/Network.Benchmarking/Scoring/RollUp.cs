namespace Network.Benchmarking.Scoring;

/// <summary>
/// A city's points summed over a category, sub-dimension or dimension, as U4SSC aggregates them: the sum of
/// the points of the KPIs that have both a value and a target, as a percentage of the maximum (4 per such
/// KPI), banded like a single KPI. KPIs not reported, or without a target, add nothing to the points or the
/// maximum. Beside it, the mean network percentile over the reported KPIs that have one.
/// </summary>
/// <param name="Level">Category, sub-dimension or dimension.</param>
/// <param name="Code">The node's code: <c>SC-EH-ED</c>, <c>SC-EH</c> or <c>SC</c>.</param>
/// <param name="Name">Its name: <c>Education</c>, <c>Education, Health and Culture</c>, <c>Society and Culture</c>.</param>
/// <param name="Points">The points of the scored KPIs, summed.</param>
/// <param name="MaxPoints">4 × the number of scored KPIs.</param>
/// <param name="Percentage">Points as a percentage of <see cref="MaxPoints"/>; <see langword="null"/> when no KPI was scored.</param>
/// <param name="Band">The band of <see cref="Percentage"/>; <see langword="null"/> when no KPI was scored.</param>
/// <param name="MeanPercentile">The mean of the KPIs' network percentiles; <see langword="null"/> when none has one.</param>
/// <param name="PercentileCount">How many KPIs the mean percentile is over.</param>
/// <param name="Kpis">The KPIs of this node the city reported, scored or not, in catalogue order.</param>
/// <param name="NotReported">The codes of this node's KPIs the city did not report.</param>
/// <param name="Explanation">Which KPIs counted, with their points, and which did not and why.</param>
public sealed record RollUp(
    RollUpLevel Level,
    string Code,
    string Name,
    double Points,
    int MaxPoints,
    double? Percentage,
    Band? Band,
    double? MeanPercentile,
    int PercentileCount,
    IReadOnlyList<KpiScore> Kpis,
    IReadOnlyList<string> NotReported,
    string Explanation)
{
    /// <summary>How many KPIs have both a value and a target, and so count in the points.</summary>
    public int ScoredCount => MaxPoints / Bands.MaxPoints;
}
