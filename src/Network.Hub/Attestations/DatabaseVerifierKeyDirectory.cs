using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Hub.Storage;

namespace Network.Hub.Attestations;

/// <summary>
/// The attestation verifier's view of the verifier key registry (<see cref="NetworkDbContext.VerifierKeys"/>). Scoped,
/// like the city key directory: it remembers the keys it read for the life of one scope, so a revocation takes effect
/// with the next request or message, whichever hub instance or coordinator made it.
/// </summary>
internal sealed class DatabaseVerifierKeyDirectory(NetworkDbContext db) : IVerifierKeyDirectory, IDisposable
{
    private readonly ConcurrentDictionary<string, RegisteredVerifierKey?> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _database = new(1, 1);

    public async ValueTask<RegisteredVerifierKey?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_seen.TryGetValue(keyId, out var known))
        {
            return known;
        }

        await _database.WaitAsync(cancellationToken);
        try
        {
            if (_seen.TryGetValue(keyId, out known))
            {
                return known;
            }

            var key = await db.VerifierKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
            var registered = key is null
                ? null
                : new RegisteredVerifierKey(key.KeyId, key.VerifierId, EcPublicJwk.Parse(key.Jwk), key.ValidFrom, key.ValidUntil, key.RevokedAt);
            _seen[keyId] = registered;
            return registered;
        }
        finally
        {
            _database.Release();
        }
    }

    public void Dispose() => _database.Dispose();
}
