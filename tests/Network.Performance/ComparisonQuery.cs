namespace Network.Performance;

/// <summary>
/// The one comparison every way answers: these cities, these KPIs (each with all its data points), one period,
/// the current values. With <see cref="ValuesOnly"/> the APIs are asked for the values alone, without the scores,
/// ranks and medians the benchmarking engine adds (to see what the engine's columns cost).
/// </summary>
/// <param name="CityIds">The compared cities, in column order.</param>
/// <param name="Kpis">The compared KPI codes, in row order.</param>
/// <param name="Period">The reporting period (year).</param>
/// <param name="ValuesOnly">Ask the APIs for the values only.</param>
public sealed record ComparisonQuery(IReadOnlyList<string> CityIds, IReadOnlyList<string> Kpis, int Period, bool ValuesOnly);

/// <summary>One cell of the comparison, the same in every way's answer.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point, or null for a KPI reported as one number.</param>
public readonly record struct ComparisonCellKey(string CityId, string Kpi, string? DataPoint);
