using Network.Contracts.Snapshots;

namespace Network.Hub.Embargo;

/// <summary>The rule that decides, once and at ingestion, whether an accepted snapshot is part of the public record.</summary>
public static class PublicRecord
{
    /// <summary>
    /// A final snapshot is public; a preliminary one is not. A correction inherits from what it corrects, so the
    /// correction of a preliminary figure stays inside the network until the city publishes a final snapshot.
    /// </summary>
    /// <param name="status">The snapshot's status.</param>
    /// <param name="supersededIsPublic">For a correction, whether the snapshot it supersedes is public.</param>
    public static bool Includes(SnapshotStatus status, bool supersededIsPublic) => status switch
    {
        SnapshotStatus.Final => true,
        SnapshotStatus.Correction => supersededIsPublic,
        _ => false,
    };
}
