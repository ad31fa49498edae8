using MassTransit;

namespace Network.Contracts.Messages;

/// <summary>
/// A U4SSC verifier hands a signed attestation to the hub (bus message; the HTTP door takes the bare JWS).
/// </summary>
/// <param name="Jws">The compact JWS (<c>typ</c> <c>u4ssc-attestation+jws</c>) exactly as signed. The only thing the hub
/// trusts, after verifying it.</param>
/// <param name="VerifierId">The sending verifier. Used only to route the answer back to it (so a refusal reaches the
/// sender even when the payload is unreadable); never used to decide acceptance.</param>
[MessageUrn(WireName)]
[EntityName(WireName)]
public sealed record AttestationSubmitted(string Jws, string? VerifierId)
{
    /// <summary>
    /// The message's name on the wire, pinned: its message type is <c>urn:message:</c> + this, and on RabbitMQ verifiers
    /// publish it to the exchange of this name, which the hub's queue is bound to.
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:AttestationSubmitted";
}
