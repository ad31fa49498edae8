using Network.Hub.Storage;

namespace Network.Hub.Verifiers;

/// <summary>
/// What a verdict binds to: a value of a city and period, by KPI, data point (stored form), number and unit. The queue
/// uses it to tell which values a verifier has judged itself; which verdict counts is <see cref="ValueVerdicts"/>' rule.
/// </summary>
/// <param name="CityId">The city.</param>
/// <param name="Period">The period.</param>
/// <param name="KpiCode">The KPI code.</param>
/// <param name="DataPoint">The data point as stored (<see cref="StoredDataPoint.None"/> for none).</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct BoundValue(string CityId, int Period, string KpiCode, string DataPoint, double Value, string Unit)
{
    /// <summary>The value a verdict binds to.</summary>
    public static BoundValue Of(VerdictRecord verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new(verdict.CityId, verdict.Period, verdict.KpiCode, verdict.DataPoint, verdict.Value, verdict.Unit);
    }

    /// <summary>A stored value as a verdict would bind to it.</summary>
    public static BoundValue Of(KpiValueRecord value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value.CityId, value.Period, value.KpiCode, value.DataPoint, value.Value, value.Unit);
    }
}
