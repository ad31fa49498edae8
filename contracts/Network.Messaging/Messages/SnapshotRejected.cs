using MassTransit;
using Network.Contracts.Verification;

namespace Network.Contracts.Messages;

/// <summary>The hub refused a snapshot; nothing of it was stored. Lists every reason.</summary>
/// <param name="SnapshotId">The id the payload claimed, if it could be read.</param>
/// <param name="CityId">The city the answer is routed to: the sending node's city, else the city the payload
/// claimed; <see langword="null"/> only when neither is known (an unreadable submission over HTTP).</param>
/// <param name="Digest">The snapshot digest of the refused JWS, so the node can match the answer to what it sent.</param>
/// <param name="Reasons">Every reason, each with its field.</param>
/// <param name="RejectedAt">When the hub decided.</param>
[MessageUrn(WireName)]
public sealed record SnapshotRejected(
    Guid? SnapshotId,
    string? CityId,
    string Digest,
    IReadOnlyList<Rejection> Reasons,
    DateTimeOffset RejectedAt)
{
    /// <summary>
    /// The message's type name on the wire, pinned: its message type is <c>urn:message:</c> + this, which nodes match
    /// answers on. It was MassTransit's default for this type when nodes were first deployed; the attribute keeps it
    /// whatever the type's name or namespace becomes. (Its RabbitMQ exchange is pinned separately, by
    /// <c>AnswerTopology</c>: <see cref="AnswerRouting"/>.)
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:SnapshotRejected";
}
