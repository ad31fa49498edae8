namespace Network.Hub.Storage;

/// <summary>
/// A node's request to join the network with its key, as received (the signed JWS is kept), and the coordinator's
/// decision on it. Never deleted: the record shows who approved which key when.
/// </summary>
public sealed class EnrollmentRecord
{
    /// <summary>The enrollment id the hub gave it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The city it is for.</summary>
    public required string CityId { get; init; }

    /// <summary>The city's name as the node gave it.</summary>
    public required string CityName { get; init; }

    /// <summary>The key's id: its RFC 7638 thumbprint.</summary>
    public required string KeyId { get; init; }

    /// <summary>The public key as JWK JSON.</summary>
    public required string Jwk { get; init; }

    /// <summary>Whom the coordinator contacts to confirm the request, if given.</summary>
    public string? Contact { get; init; }

    /// <summary>When the node wrote the request (its own clock).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the hub received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The signed request exactly as received.</summary>
    public required string Jws { get; init; }

    /// <summary>Pending, approved or rejected.</summary>
    public EnrollmentStatus Status { get; set; }

    /// <summary>When a coordinator decided.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Which coordinator's client decided.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; set; }

    /// <summary>The OAuth client the approval created (or gave a new secret) for the node.</summary>
    public string? ClientId { get; set; }
}

/// <summary>Where an enrollment stands.</summary>
public enum EnrollmentStatus
{
    /// <summary>Waiting for a coordinator.</summary>
    Pending,

    /// <summary>The city and key are registered and the node has its client.</summary>
    Approved,

    /// <summary>Refused, with a reason.</summary>
    Rejected,
}
