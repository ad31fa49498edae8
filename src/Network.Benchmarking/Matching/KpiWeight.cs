namespace Network.Benchmarking.Matching;

/// <summary>A KPI picked for a similarity search, with how much it counts relative to the others.</summary>
/// <param name="Kpi">The KPI code, e.g. <c>EC-P-EM-1C</c>; it must have a direction (compositions have no standing).</param>
/// <param name="Weight">Its weight, positive; 1 unless some KPIs should count more.</param>
public sealed record KpiWeight(string Kpi, double Weight = 1);
