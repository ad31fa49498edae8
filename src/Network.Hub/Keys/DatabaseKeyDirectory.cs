using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// The verifier's view of the key registry. Scoped: it remembers the keys it read for the life of one scope
/// (one message, one request, one batch), so a batch from a few cities costs a few queries; a revocation
/// takes effect with the next scope, whichever hub instance or admin command made it. Safe for the parallel
/// verification of a batch: lookups may come from several threads, but only one at a time reaches the
/// scope's <see cref="NetworkDbContext"/>, which is not used for anything else while a batch is verified.
/// </summary>
internal sealed class DatabaseKeyDirectory(NetworkDbContext db) : ICityKeyDirectory, IDisposable
{
    private readonly ConcurrentDictionary<string, RegisteredKey?> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _database = new(1, 1);

    public async ValueTask<RegisteredKey?> FindAsync(string keyId, CancellationToken cancellationToken = default)
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

            var key = await db.CityKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
            var registered = key is null
                ? null
                : new RegisteredKey(key.KeyId, key.CityId, EcPublicJwk.Parse(key.Jwk), key.ValidFrom, key.ValidUntil, key.RevokedAt);
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
