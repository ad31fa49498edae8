using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Hub.Keys;
using Network.Hub.Storage;

namespace Network.Hub.Attestations;

/// <summary>
/// The attestation verifier's view of the verifier key registry (<see cref="NetworkDbContext.VerifierKeys"/>), remembered
/// for one scope like the city key directory (<see cref="ScopedKeyCache{TKey}"/>).
/// </summary>
internal sealed class DatabaseVerifierKeyDirectory(NetworkDbContext db) : IVerifierKeyDirectory, IDisposable
{
    private readonly ScopedKeyCache<RegisteredVerifierKey> _keys = new(async (keyId, ct) =>
        await db.VerifierKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct) is { } key
            ? new RegisteredVerifierKey(key.KeyId, key.VerifierId, EcPublicJwk.Parse(key.Jwk), key.ValidFrom, key.ValidUntil, key.RevokedAt)
            : null);

    public ValueTask<RegisteredVerifierKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) => _keys.FindAsync(keyId, cancellationToken);

    public void Dispose() => _keys.Dispose();
}
