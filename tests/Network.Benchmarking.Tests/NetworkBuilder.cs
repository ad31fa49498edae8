using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests;

/// <summary>Builds a <see cref="NetworkPeriod"/> line by line: which city reported what.</summary>
internal sealed class NetworkBuilder(int period = 2020)
{
    private readonly List<ReportedValue> _values = [];

    public NetworkBuilder Report(
        string city,
        string kpi,
        double value,
        string? dataPoint = null,
        DataQuality quality = DataQuality.Measured,
        bool verified = true)
    {
        _values.Add(new ReportedValue(city, kpi, dataPoint, value, quality, verified));
        return this;
    }

    /// <summary>The same KPI for several cities: <c>("NO-5001", 1.34), ("NO-3024", 3.0)</c>.</summary>
    public NetworkBuilder Report(string kpi, params (string City, double Value)[] values)
    {
        foreach (var (city, value) in values)
        {
            Report(city, kpi, value);
        }

        return this;
    }

    public NetworkPeriod Build() => NetworkPeriod.Create(period, _values);
}
