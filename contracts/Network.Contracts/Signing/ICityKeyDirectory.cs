namespace Network.Contracts.Signing;

/// <summary>Where the verifier looks up a <c>kid</c>. The hub backs it with its key registry.</summary>
public interface ICityKeyDirectory
{
    /// <summary>The registered key with this id, or <see langword="null"/> if there is none.</summary>
    ValueTask<RegisteredKey?> FindAsync(string keyId, CancellationToken cancellationToken = default);
}
