using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// The snapshot verifier's view of the city key registry, remembered for one scope (<see cref="ScopedKeyCache{TKey}"/>).
/// </summary>
internal sealed class DatabaseKeyDirectory(NetworkDbContext db) : ICityKeyDirectory, IDisposable
{
    private readonly ScopedKeyCache<RegisteredKey> _keys = new(async (keyId, ct) =>
        await db.CityKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct) is { } key
            ? new RegisteredKey(key.KeyId, key.CityId, EcPublicJwk.Parse(key.Jwk), key.ValidFrom, key.ValidUntil, key.RevokedAt)
            : null);

    public ValueTask<RegisteredKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) => _keys.FindAsync(keyId, cancellationToken);

    public void Dispose() => _keys.Dispose();
}
