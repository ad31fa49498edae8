using MassTransit;

namespace Network.Contracts.Messages;

/// <summary>The hub stored an attestation (or had stored exactly this one before): the verifier may mark it accepted.</summary>
/// <param name="AttestationId">The attestation's id.</param>
/// <param name="VerifierId">The verifier that signed it; answers are routed by it.</param>
/// <param name="SnapshotId">The attested snapshot.</param>
/// <param name="CityId">The snapshot's city.</param>
/// <param name="Period">The snapshot's reporting period.</param>
/// <param name="Digest">The attestation digest of the JWS this answer is about (SHA-256 of the compact JWS, base64url).</param>
/// <param name="ReceivedAt">When the hub first stored it.</param>
/// <param name="Duplicate">Whether this was a repeat delivery of an attestation already stored.</param>
[MessageUrn(WireName)]
public sealed record AttestationAccepted(
    Guid AttestationId,
    string VerifierId,
    Guid SnapshotId,
    string CityId,
    int Period,
    string Digest,
    DateTimeOffset ReceivedAt,
    bool Duplicate)
{
    /// <summary>
    /// The message's type name on the wire, pinned: its message type is <c>urn:message:</c> + this. (Its RabbitMQ
    /// exchange is pinned separately, by <c>AnswerTopology</c>: <see cref="AnswerRouting.AttestationAcceptedExchange"/>.)
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:AttestationAccepted";
}
