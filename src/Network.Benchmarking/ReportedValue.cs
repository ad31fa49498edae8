using Network.Contracts.Snapshots;

namespace Network.Benchmarking;

/// <summary>
/// One number a city reported for one KPI (or data point) in the period, with what the engine carries
/// through to every result: how the number was obtained and whether a verifier confirmed it. Neither
/// changes a score; peer matching weighs them.
/// </summary>
/// <param name="CityId">The city, e.g. <c>NO-5001</c>.</param>
/// <param name="Kpi">The KPI code from the catalogue.</param>
/// <param name="DataPoint">The data point for KPIs reported in parts; otherwise <see langword="null"/>.</param>
/// <param name="Value">The number, in the KPI's catalogue unit.</param>
/// <param name="Quality">The U4SSC data-quality class the city stated.</param>
/// <param name="Verified">Whether a U4SSC verifier marked the value verified.</param>
public sealed record ReportedValue(
    string CityId,
    string Kpi,
    string? DataPoint,
    double Value,
    DataQuality Quality,
    bool Verified)
{
    /// <summary>The KPI (and data point) this value is for.</summary>
    public KpiKey Key => new(Kpi, DataPoint);

    /// <summary>A value from a city's snapshot, as the hub stores it.</summary>
    /// <param name="cityId">The city that signed the snapshot.</param>
    /// <param name="value">The value from the snapshot.</param>
    /// <param name="verified">Whether a verifier confirmed it.</param>
    public static ReportedValue From(string cityId, KpiValue value, bool verified)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(cityId, value.Kpi, value.DataPoint, value.Value, value.Quality, verified);
    }
}
