using MassTransit;
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
[MessageUrn(WireName)]
public sealed record SnapshotAccepted(
    Guid SnapshotId,
    string CityId,
    int Period,
    SnapshotStatus Status,
    string Digest,
    DateTimeOffset ReceivedAt,
    bool Duplicate)
{
    /// <summary>
    /// The message's type name on the wire, pinned: its message type is <c>urn:message:</c> + this, which nodes match
    /// answers on. It was MassTransit's default for this type when nodes were first deployed; the attribute keeps it
    /// whatever the type's name or namespace becomes. (Its RabbitMQ exchange is pinned separately, by
    /// <c>AnswerTopology</c>: <see cref="AnswerRouting"/>.)
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:SnapshotAccepted";
}
