using MassTransit;

namespace Network.Contracts.Messages;

/// <summary>
/// A node hands a signed snapshot to the hub (bus message; the HTTP door takes the bare JWS).
/// </summary>
/// <param name="Jws">The compact JWS exactly as signed. The only thing the hub trusts, after verifying it.</param>
/// <param name="NodeCityId">The sending node's city. Used only to route the answer back to that node
/// (so a refusal reaches the sender even when the payload is unreadable); never used to decide acceptance.</param>
[MessageUrn(WireName)]
[EntityName(WireName)]
public sealed record SnapshotSubmitted(string Jws, string NodeCityId)
{
    /// <summary>
    /// The message's name on the wire, pinned: its message type is <c>urn:message:</c> + this, and on RabbitMQ nodes
    /// publish it to the exchange of this name, which the hub's queue is bound to. Both were MassTransit's defaults
    /// for this type when nodes were first deployed; the attributes keep them whatever the type's name or namespace
    /// becomes (<c>MessageUrn</c> alone would not: MassTransit names the exchange after the type, not the urn).
    /// </summary>
    public const string WireName = "Network.Contracts.Messages:SnapshotSubmitted";
}
