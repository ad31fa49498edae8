using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Network.Hub.Scoring;

/// <summary>
/// How the hub keeps the engine's periods in memory, as metrics (meter <c>Network.Hub.Scoring</c>): each time a period
/// is read whole from the database or brought up to date from the cities that published, and how long it took. A rate
/// of whole reads that follows the rate of arriving snapshots means the incremental path is not taken.
/// </summary>
public sealed class EngineLoadMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Network.Hub.Scoring";

    /// <summary>The load-duration histogram's name; its <c>kind</c> tag is one of the <c>Kind*</c> constants.</summary>
    public const string LoadDurationName = "network.hub.scoring.period_load.duration";

    /// <summary>The period was read whole from the database.</summary>
    public const string KindWhole = "whole";

    /// <summary>The period was brought up to date from the snapshots that arrived since it was loaded.</summary>
    public const string KindUpdate = "update";

    private readonly Histogram<double> _load;

    /// <summary>Creates the instrument on the host's meter factory.</summary>
    public EngineLoadMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _load = meters.Create(MeterName).CreateHistogram<double>(LoadDurationName, "s", "Time spent loading one period into the engine.");
    }

    /// <summary>Records a load of <paramref name="kind"/> that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Loaded(string kind, int period, long startTimestamp) =>
        _load.Record(
            Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("kind", kind),
            new KeyValuePair<string, object?>("period", period));
}
