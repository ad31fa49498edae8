using Network.Contracts.Verification;

namespace Network.Contracts.Messages;

/// <summary>The hub refused a snapshot; nothing of it was stored. Lists every reason.</summary>
/// <param name="SnapshotId">The id the payload claimed, if it could be read.</param>
/// <param name="CityId">The city the answer is routed to: the sending node's city, else the city the payload
/// claimed; <see langword="null"/> only when neither is known (an unreadable submission over HTTP).</param>
/// <param name="Digest">The snapshot digest of the refused JWS, so the node can match the answer to what it sent.</param>
/// <param name="Reasons">Every reason, each with its field.</param>
/// <param name="RejectedAt">When the hub decided.</param>
public sealed record SnapshotRejected(
    Guid? SnapshotId,
    string? CityId,
    string Digest,
    IReadOnlyList<Rejection> Reasons,
    DateTimeOffset RejectedAt);
