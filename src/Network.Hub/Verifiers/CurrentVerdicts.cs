using Network.Hub.Storage;

namespace Network.Hub.Verifiers;

/// <summary>
/// The rule that says which verdict counts for a value: the newest (<see cref="VerdictRecord.IssuedAt"/>, then
/// <see cref="VerdictRecord.ReceivedAt"/>) among every accepted verdict of the city and period that binds to the value's
/// KPI, data point, number and unit, whichever snapshot of the period it was given on (so a correction keeps the verdicts
/// of the values it leaves unchanged). Kept in this one place so the queue can take the hub's shared reader of the rule
/// when there is one.
/// </summary>
public static class CurrentVerdicts
{
    /// <summary>The verdict that counts for each value <paramref name="verdicts"/> speak about, by city, period and value.</summary>
    public static IReadOnlyDictionary<BoundValue, VerdictRecord> Of(IEnumerable<VerdictRecord> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return verdicts
            .GroupBy(BoundValue.Of)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.IssuedAt).ThenByDescending(v => v.ReceivedAt).First());
    }
}

/// <summary>What a verdict binds to: a value of a city and period, by KPI, data point (stored form), number and unit.</summary>
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
