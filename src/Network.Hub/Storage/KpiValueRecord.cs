using Network.Contracts.Snapshots;

namespace Network.Hub.Storage;

/// <summary>One value of one accepted snapshot. City and period are repeated from the snapshot so queries need no join.</summary>
public sealed class KpiValueRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; init; }

    /// <summary>The snapshot the value belongs to.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>The city (copied from the snapshot).</summary>
    public required string CityId { get; init; }

    /// <summary>The period (copied from the snapshot).</summary>
    public required int Period { get; init; }

    /// <summary>The KPI code.</summary>
    public required string KpiCode { get; init; }

    /// <summary>The data point, or the empty string for KPIs reported as one number (so it can sit in a unique key).</summary>
    public required string DataPoint { get; init; }

    /// <summary>The number.</summary>
    public required double Value { get; init; }

    /// <summary>The unit symbol.</summary>
    public required string Unit { get; init; }

    /// <summary>The data-quality class.</summary>
    public required DataQuality Quality { get; init; }

    /// <summary>Who produced the data.</summary>
    public required string Origin { get; init; }

    /// <summary>Where it can be checked.</summary>
    public required string Source { get; init; }

    /// <summary>An optional note.</summary>
    public string? Note { get; init; }

    /// <summary>Its snapshot's <see cref="SnapshotRecord.Public"/>, repeated so the embargo filters values without a join.</summary>
    public required bool Public { get; init; }
}
