using Network.Contracts.Snapshots;

namespace Network.Node.Workspace.Storage;

/// <summary>A signed snapshot waiting in the outbox to be delivered (or delivered again).</summary>
/// <param name="SnapshotId">Its id.</param>
/// <param name="Period">Its reporting year.</param>
/// <param name="Status">Its status.</param>
/// <param name="Jws">The compact JWS exactly as signed.</param>
/// <param name="Digest">Its snapshot digest, which refusals without a snapshot id are matched by.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="Redelivery">Whether it was delivered before and is sent again because no answer came.</param>
public sealed record OutboxEntry(Guid SnapshotId, int Period, SnapshotStatus Status, string Jws, string Digest, int Attempts, bool Redelivery);
