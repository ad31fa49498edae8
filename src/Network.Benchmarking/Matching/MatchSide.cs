namespace Network.Benchmarking.Matching;

/// <summary>One city's side of a KPI in a match: its KPI standing, its weight, and the values behind them.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Standing">The KPI standing, 0–100: the percentile, or the mean of its data points' percentiles.</param>
/// <param name="Weight">The mean <see cref="QualityWeights"/> of those values.</param>
/// <param name="Values">The values: one, or one per data point with a percentile.</param>
public sealed record MatchSide(string CityId, double Standing, double Weight, IReadOnlyList<PeerValue> Values);
