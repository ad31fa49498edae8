using Network.Contracts.Snapshots;
using Network.Contracts.Verification;

namespace Network.Node.Workspace.Storage;

/// <summary>One of the node's snapshots as the database holds it: a draft, or a signed snapshot and its delivery.</summary>
/// <param name="Number">The node's own running number for it; drafts have no snapshot id yet.</param>
/// <param name="SnapshotId">The id it was signed with; <see langword="null"/> while a draft.</param>
/// <param name="Period">The reporting year.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">For a correction, the snapshot it replaces.</param>
/// <param name="State">Draft, pending, delivered, accepted or rejected.</param>
/// <param name="SourceFile">The value file it was imported from.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="ValueCount">How many values it holds.</param>
/// <param name="KeyId">The key it was signed with.</param>
/// <param name="IssuedAt">When it was signed (its <c>issuedAt</c>).</param>
/// <param name="Digest">The snapshot digest of its JWS.</param>
/// <param name="Attempts">How many times delivery was attempted.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
/// <param name="NextAttemptAt">When the worker tries again, while pending.</param>
/// <param name="DeliveredAt">When the broker confirmed it (or the hub answered over HTTP).</param>
/// <param name="AnsweredAt">When the hub's answer arrived.</param>
/// <param name="ReceivedAt">When the hub stored it, for an accepted snapshot.</param>
/// <param name="Reasons">Every reason the hub gave, for a rejected snapshot.</param>
public sealed record StoredSnapshot(
    long Number,
    Guid? SnapshotId,
    int Period,
    SnapshotStatus Status,
    Guid? Supersedes,
    SnapshotState State,
    string SourceFile,
    DateTimeOffset ImportedAt,
    int ValueCount,
    string? KeyId,
    DateTimeOffset? IssuedAt,
    string? Digest,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ReceivedAt,
    IReadOnlyList<Rejection> Reasons);
