using MassTransit;
using Network.Contracts.Verification;

namespace Network.Contracts.Messages;

/// <summary>The hub refused an attestation; nothing of it was stored. Lists every reason.</summary>
/// <param name="AttestationId">The id the payload claimed, if it could be read.</param>
/// <param name="VerifierId">The verifier the answer is routed to: the sending verifier, else the one the payload claimed;
/// <see langword="null"/> only when neither is known.</param>
/// <param name="Digest">The digest of the refused JWS, so the verifier can match the answer to what it sent.</param>
/// <param name="Reasons">Every reason, each with its field.</param>
/// <param name="RejectedAt">When the hub decided.</param>
[MessageUrn(WireName)]
public sealed record AttestationRejected(
    Guid? AttestationId,
    string? VerifierId,
    string Digest,
    IReadOnlyList<Rejection> Reasons,
    DateTimeOffset RejectedAt)
{
    /// <summary>
    /// The message's type name on the wire, pinned: its message type is <c>urn:message:</c> + this. (Its RabbitMQ
    /// exchange is pinned separately, by <c>AnswerTopology</c>: <see cref="AnswerRouting.AttestationRejectedExchange"/>.)
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:AttestationRejected";
}
