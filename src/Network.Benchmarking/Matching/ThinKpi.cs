using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>A KPI (data point) reported by too few cities for standings on it to say much.</summary>
/// <param name="Key">The KPI (and data point).</param>
/// <param name="Kpi">The KPI as the catalogue defines it.</param>
/// <param name="ReportingCount">How many cities reported it for the period; 0 when none did.</param>
public sealed record ThinKpi(KpiKey Key, Kpi Kpi, int ReportingCount);
