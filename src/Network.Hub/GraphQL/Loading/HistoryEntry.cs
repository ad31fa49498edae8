using Network.Contracts.Snapshots;

namespace Network.Hub.GraphQL.Loading;

/// <summary>One snapshot's value of one KPI (data point): a point in the KPI's history for a city.</summary>
/// <param name="Snapshot">The snapshot the value was published in.</param>
/// <param name="Current">Whether that snapshot is the current one for its city and period.</param>
/// <param name="DataPoint">The data point; <see langword="null"/> for a KPI reported as one number.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit symbol.</param>
/// <param name="Quality">The data-quality class.</param>
public sealed record HistoryEntry(SnapshotNode Snapshot, bool Current, string? DataPoint, double Value, string Unit, DataQuality Quality);
