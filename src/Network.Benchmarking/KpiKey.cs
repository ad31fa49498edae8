namespace Network.Benchmarking;

/// <summary>
/// Names one scored quantity: a KPI reported as one number, or one data point of a KPI reported in parts
/// (<c>EC-ICT-ICT-4C</c> / <c>4G</c>). U4SSC scores "each reported KPI or data point"; this is that thing.
/// Codes and data points compare ordinally, as the catalogue spells them.
/// </summary>
/// <param name="Kpi">The KPI code from the catalogue, e.g. <c>EC-ICT-ICT-1C</c>.</param>
/// <param name="DataPoint">The data point (e.g. <c>4G</c>, <c>PM2.5</c>); <see langword="null"/> for a KPI reported as one number.</param>
public readonly record struct KpiKey(string Kpi, string? DataPoint = null)
{
    /// <summary>The code, with the data point in parentheses when there is one: <c>EC-ICT-ICT-4C (4G)</c>.</summary>
    public override string ToString() => DataPoint is null ? Kpi : $"{Kpi} ({DataPoint})";
}
