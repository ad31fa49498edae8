namespace Network.Contracts.Attestations;

/// <summary>
/// A verifier's verdict on one value of one snapshot. It binds to the value itself (KPI code, data point, number and
/// unit), not to its position, so a later correction of the snapshot keeps the verdicts of the values it does not change
/// and needs new ones for those it does.
/// </summary>
/// <param name="Kpi">The KPI code, e.g. <c>EN-EN-AQ-2C</c>.</param>
/// <param name="DataPoint">The data point for KPIs reported in parts; <see langword="null"/> otherwise.</param>
/// <param name="Value">The number exactly as the snapshot carries it.</param>
/// <param name="Unit">The unit symbol exactly as the snapshot carries it.</param>
/// <param name="Outcome">Verified, not verified, or a question to the city.</param>
/// <param name="Reason">Why the value is not verified (required then), or a short public remark; never the question's text.</param>
public sealed record Verdict(string Kpi, string? DataPoint, double Value, string Unit, VerdictOutcome Outcome, string? Reason = null)
{
    /// <summary>Whether this verdict is about <paramref name="value"/>: same KPI, data point, number and unit.</summary>
    public bool Binds(Snapshots.KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Equals(Kpi, value.Kpi, StringComparison.Ordinal)
            && string.Equals(DataPoint, value.DataPoint, StringComparison.Ordinal)
            && Value.Equals(value.Value)
            && string.Equals(Unit, value.Unit, StringComparison.Ordinal);
    }
}
