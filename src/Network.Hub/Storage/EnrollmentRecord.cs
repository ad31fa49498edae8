namespace Network.Hub.Storage;

/// <summary>
/// A request to join the network with a key, as received (the signed JWS is kept), and the coordinator's decision on it:
/// a city's node's (<see cref="EnrollmentKind.City"/>: <see cref="CityId"/> and <see cref="CityName"/>) or a verifier's
/// (<see cref="EnrollmentKind.Verifier"/>: <see cref="VerifierId"/> and <see cref="Organisation"/>); the other kind's
/// two columns stay empty. Never deleted: the record shows who approved which key when.
/// </summary>
public sealed class EnrollmentRecord
{
    /// <summary>The enrollment id the hub gave it.</summary>
    public required Guid Id { get; init; }

    /// <summary>Whose request: a city's node's or a verifier's.</summary>
    public EnrollmentKind Kind { get; init; }

    /// <summary>The city it is for; null for a verifier's request.</summary>
    public string? CityId { get; init; }

    /// <summary>The city's name as the node gave it; null for a verifier's request.</summary>
    public string? CityName { get; init; }

    /// <summary>The verifier it is for; null for a city's request.</summary>
    public string? VerifierId { get; init; }

    /// <summary>The verifying organisation's name as the verifier gave it; null for a city's request.</summary>
    public string? Organisation { get; init; }

    /// <summary>The member the request is for: the city id or the verifier id.</summary>
    public string MemberId => Kind == EnrollmentKind.Verifier ? VerifierId ?? "" : CityId ?? "";

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

    /// <summary>The OAuth client the approval created (or gave a new secret) for the node or verifier.</summary>
    public string? ClientId { get; set; }
}

/// <summary>Who asks to join.</summary>
public enum EnrollmentKind
{
    /// <summary>A city's node, with the key its snapshots are signed with.</summary>
    City,

    /// <summary>A U4SSC verifier, with the key its attestations are signed with.</summary>
    Verifier,
}

/// <summary>Where an enrollment stands.</summary>
public enum EnrollmentStatus
{
    /// <summary>Waiting for a coordinator.</summary>
    Pending,

    /// <summary>The city (or verifier) and key are registered and the node (or verifier) has its client.</summary>
    Approved,

    /// <summary>Refused, with a reason.</summary>
    Rejected,
}
