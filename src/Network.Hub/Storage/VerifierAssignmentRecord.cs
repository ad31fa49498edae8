namespace Network.Hub.Storage;

/// <summary>
/// A coordinator's decision that a verifier attests a city's values. Only an assigned verifier's attestations for that
/// city are accepted. Never deleted: an assignment that ends gets <see cref="EndedAt"/>, so the record shows who could
/// attest for whom when.
/// </summary>
public sealed class VerifierAssignmentRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; init; }

    /// <summary>The verifier.</summary>
    public required string VerifierId { get; init; }

    /// <summary>The city it attests for.</summary>
    public required string CityId { get; init; }

    /// <summary>When the coordinator assigned it.</summary>
    public required DateTimeOffset AssignedAt { get; init; }

    /// <summary>Which coordinator's client assigned it.</summary>
    public required string AssignedBy { get; init; }

    /// <summary>When the assignment ended; null while it holds.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Which coordinator's client ended it.</summary>
    public string? EndedBy { get; set; }
}
