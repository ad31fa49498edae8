using Network.Contracts.Snapshots;

namespace Network.Contracts.Messages;

/// <summary>The hub stored a snapshot (or had stored exactly this one before): the node may mark it accepted.</summary>
/// <param name="SnapshotId">The snapshot's id.</param>
/// <param name="CityId">Its city; answers are routed by it.</param>
/// <param name="Period">Its reporting period.</param>
/// <param name="Status">Its status.</param>
/// <param name="Digest">The snapshot digest of the stored JWS (<see cref="SnapshotFormat.Digest"/>).</param>
/// <param name="ReceivedAt">When the hub first stored it.</param>
/// <param name="Duplicate">Whether this was a repeat delivery of a snapshot already stored.</param>
public sealed record SnapshotAccepted(
    Guid SnapshotId,
    string CityId,
    int Period,
    SnapshotStatus Status,
    string Digest,
    DateTimeOffset ReceivedAt,
    bool Duplicate);
