namespace Network.Benchmarking.Matching;

/// <summary>One city's exact KPI standings (<c>NaN</c> = none) and quality weights (0 = none), by column.</summary>
internal sealed record CityStandings(int City, double[] Standing, double[] Weight);
