namespace Network.Hub.Storage;

/// <summary>A city's public signing key in the key registry.</summary>
public sealed class CityKeyRecord
{
    /// <summary>The key id snapshots name in their header.</summary>
    public required string KeyId { get; init; }

    /// <summary>The one city this key signs for.</summary>
    public required string CityId { get; init; }

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
