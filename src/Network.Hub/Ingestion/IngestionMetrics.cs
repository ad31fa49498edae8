using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Network.Hub.Ingestion;

/// <summary>
/// Where ingestion spends its time, as metrics (meter <c>Network.Hub.Ingestion</c>, readable with
/// <c>dotnet-counters</c> or OpenTelemetry): the duration of each phase of a batch, and batch sizes.
/// The throughput benchmark (<c>tests/Network.Performance</c>) reads them to show what limits the rate.
/// </summary>
public sealed class IngestionMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Network.Hub.Ingestion";

    /// <summary>The phase-duration histogram's name; its <c>phase</c> tag is one of the <c>Phase*</c> constants.</summary>
    public const string PhaseDurationName = "network.hub.ingestion.phase.duration";

    /// <summary>The batch-size histogram's name.</summary>
    public const string BatchSizeName = "network.hub.ingestion.batch.size";

    /// <summary>Signature, key and catalogue checks of every submission in the batch.</summary>
    public const string PhaseVerify = "verify";

    /// <summary>Reading what is stored and deciding each submission (idempotency, conflicts, corrections).</summary>
    public const string PhaseDecide = "decide";

    /// <summary>Writing the batch's snapshot rows (with their JWS) and error records inside the transaction.</summary>
    public const string PhaseSave = "save";

    /// <summary>Writing the accepted snapshots' value rows (bulk insert) inside the transaction.</summary>
    public const string PhaseValues = "values";

    /// <summary>Committing the transaction (durability: the journal reaches the disk).</summary>
    public const string PhaseCommit = "commit";

    /// <summary>Publishing the answers of a committed batch (bus door).</summary>
    public const string PhaseAnswer = "answer";

    private readonly Histogram<double> _phase;
    private readonly Histogram<int> _batchSize;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public IngestionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _phase = meter.CreateHistogram<double>(PhaseDurationName, "s", "Time spent in one phase of ingesting one batch.");
        _batchSize = meter.CreateHistogram<int>(BatchSizeName, "{submission}", "Submissions per ingested batch.");
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>) as <paramref name="phase"/>.</summary>
    public void Phase(string phase, long startTimestamp) =>
        _phase.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));

    /// <summary>Records one batch's size.</summary>
    public void Batch(int size) => _batchSize.Record(size);
}
