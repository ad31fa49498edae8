namespace Network.Contracts.Attestations;

/// <summary>Where the attestation verifier looks up a <c>kid</c>. The hub backs it with its verifier key registry.</summary>
public interface IVerifierKeyDirectory
{
    /// <summary>The registered verifier key with this id, or <see langword="null"/> if there is none.</summary>
    ValueTask<RegisteredVerifierKey?> FindAsync(string keyId, CancellationToken cancellationToken = default);
}
