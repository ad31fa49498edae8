using Network.Contracts.Signing;

namespace Network.Contracts.Attestations;

/// <summary>A verifier's public key as the hub's key registry holds it: the verifier counterpart of <see cref="RegisteredKey"/>.</summary>
/// <param name="KeyId">The <c>kid</c> attestations name in their header; unique across the network (cities' keys included).</param>
/// <param name="VerifierId">The one verifier this key may sign for.</param>
/// <param name="Key">The public key.</param>
/// <param name="ValidFrom">From when the key may sign.</param>
/// <param name="ValidUntil">Until when (exclusive); <see langword="null"/> for open-ended.</param>
/// <param name="RevokedAt">When the key was revoked; attestations arriving after this are refused, earlier ones stay valid.</param>
public sealed record RegisteredVerifierKey(
    string KeyId,
    string VerifierId,
    EcPublicJwk Key,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil = null,
    DateTimeOffset? RevokedAt = null);
