using Network.Contracts.Messages;
using Network.Contracts.Verification;

namespace Network.Node.Workspace.Delivery;

/// <summary>What the hub answered about one snapshot, whichever way the answer came (bus message or HTTP response).</summary>
/// <param name="SnapshotId">The snapshot's id; for a refusal, <see langword="null"/> when the hub could not read it.</param>
/// <param name="Digest">The snapshot digest of the JWS the hub judged.</param>
/// <param name="Accepted">Whether the hub stored it.</param>
/// <param name="At">When the hub stored it (accepted) or decided (rejected).</param>
/// <param name="Duplicate">For an acceptance, whether the hub had stored exactly this snapshot before.</param>
/// <param name="Reasons">For a refusal, every reason with its field.</param>
public sealed record HubAnswer(Guid? SnapshotId, string Digest, bool Accepted, DateTimeOffset At, bool Duplicate, IReadOnlyList<Rejection> Reasons)
{
    /// <summary>The answer a <see cref="SnapshotAccepted"/> message gives.</summary>
    public static HubAnswer From(SnapshotAccepted accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return new(accepted.SnapshotId, accepted.Digest, true, accepted.ReceivedAt, accepted.Duplicate, []);
    }

    /// <summary>The answer a <see cref="SnapshotRejected"/> message gives.</summary>
    public static HubAnswer From(SnapshotRejected rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return new(rejected.SnapshotId, rejected.Digest, false, rejected.RejectedAt, false, rejected.Reasons ?? []);
    }
}
