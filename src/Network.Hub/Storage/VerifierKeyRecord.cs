namespace Network.Hub.Storage;

/// <summary>
/// A verifier's public signing key in the key registry. Rotated and revoked like a city's key, under the same rule: what
/// was signed before a revocation stays valid and says so.
/// </summary>
public sealed class VerifierKeyRecord
{
    /// <summary>The key id attestations name in their header; unique across cities' and verifiers' keys.</summary>
    public required string KeyId { get; init; }

    /// <summary>The one verifier this key signs for.</summary>
    public required string VerifierId { get; init; }

    /// <summary>The public key as JWK JSON.</summary>
    public required string Jwk { get; init; }

    /// <summary>From when the key may sign.</summary>
    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>Until when (exclusive); null for open-ended.</summary>
    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>When the key was revoked; null while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the key was registered.</summary>
    public DateTimeOffset RegisteredAt { get; init; }
}
