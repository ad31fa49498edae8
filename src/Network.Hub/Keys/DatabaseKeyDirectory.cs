using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// The verifier's view of the key registry. Scoped: it remembers the keys it read for the life of one scope
/// (one message, one request, one batch), so a batch from a few cities costs a few queries; a revocation
/// takes effect with the next scope, whichever hub instance or admin command made it.
/// </summary>
internal sealed class DatabaseKeyDirectory(NetworkDbContext db) : ICityKeyDirectory
{
    private readonly Dictionary<string, RegisteredKey?> _seen = new(StringComparer.Ordinal);

    public async ValueTask<RegisteredKey?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_seen.TryGetValue(keyId, out var known))
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
}
