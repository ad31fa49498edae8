namespace Network.Contracts.Signing;

/// <summary>A city's public key as the hub's key registry holds it.</summary>
/// <param name="KeyId">The <c>kid</c> snapshots name in their header; unique across the network.</param>
/// <param name="CityId">The one city this key may sign for.</param>
/// <param name="Key">The public key.</param>
/// <param name="ValidFrom">From when the key may sign.</param>
/// <param name="ValidUntil">Until when (exclusive); <see langword="null"/> for open-ended.</param>
/// <param name="RevokedAt">When the key was revoked; snapshots arriving after this are refused.</param>
public sealed record RegisteredKey(
    string KeyId,
    string CityId,
    EcPublicJwk Key,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil = null,
    DateTimeOffset? RevokedAt = null);
