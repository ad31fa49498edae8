namespace Network.Benchmarking;

/// <summary>
/// Where one city's value stands among the cities that reported the same KPI (data point) for the period.
/// Always available, with or without a target. Cities that did not report are not in it at all.
/// </summary>
/// <param name="Percentile">The share of the other reporting cities this city does better than, ties counting
/// half, in percent: 100 = best, 0 = worst, 50 = in the middle or tied with everyone. <see langword="null"/> when
/// the city is the only one reporting (there is no one to stand among) or the KPI has no direction.</param>
/// <param name="Rank">1 = best, direction-aware; tied cities share the best rank of their group and the next rank
/// skips (1, 2, 2, 4). <see langword="null"/> when the KPI has no direction.</param>
/// <param name="ReportingCount">How many cities reported this KPI (data point) for the period, this one included.</param>
/// <param name="NetworkMedian">The median of the reported values (the mean of the middle two for an even count).</param>
public sealed record Standing(double? Percentile, int? Rank, int ReportingCount, double NetworkMedian);
