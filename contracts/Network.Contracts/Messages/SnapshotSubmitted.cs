namespace Network.Contracts.Messages;

/// <summary>
/// A node hands a signed snapshot to the hub (bus message; the HTTP door takes the bare JWS).
/// </summary>
/// <param name="Jws">The compact JWS exactly as signed. The only thing the hub trusts, after verifying it.</param>
/// <param name="NodeCityId">The sending node's city. Used only to route the answer back to that node
/// (so a refusal reaches the sender even when the payload is unreadable); never used to decide acceptance.</param>
public sealed record SnapshotSubmitted(string Jws, string NodeCityId);
