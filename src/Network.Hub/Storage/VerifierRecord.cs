namespace Network.Hub.Storage;

/// <summary>
/// An accredited U4SSC verifier: an organisation a network coordinator admitted (by approving its enrollment) to attest
/// the values of the cities it is assigned to.
/// </summary>
public sealed class VerifierRecord
{
    /// <summary>The verifier id (lower case, e.g. <c>demo-verifier</c>), as its attestations name it.</summary>
    public required string Id { get; init; }

    /// <summary>The organisation's name as shown to readers.</summary>
    public required string Name { get; set; }

    /// <summary>Whom the coordinator contacts, if given.</summary>
    public string? Contact { get; set; }

    /// <summary>When the verifier was admitted.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Its signing keys.</summary>
    public List<VerifierKeyRecord> Keys { get; init; } = [];
}
