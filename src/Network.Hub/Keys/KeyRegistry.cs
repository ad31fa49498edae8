using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.Identity;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// Membership and keys: registers cities and their public keys, and revokes keys. The admin commands and
/// the demo network use it; a later issue puts it behind the coordinator's API.
/// </summary>
public sealed class KeyRegistry(NetworkDbContext db, TimeProvider time, ClientRegistry clients)
{
    /// <summary>Registers a city, or renames an existing one.</summary>
    /// <exception cref="ArgumentException">The id is not a city id.</exception>
    public async Task<CityRecord> AddOrUpdateCityAsync(string cityId, string name, int? population = null, bool synthetic = false, CancellationToken ct = default)
    {
        if (CityId.Explain(cityId) is { } why)
        {
            throw new ArgumentException(why, nameof(cityId));
        }

        var city = await db.Cities.FirstOrDefaultAsync(c => c.Id == cityId, ct);
        if (city is null)
        {
            city = new CityRecord { Id = cityId, Name = name, RegisteredAt = time.GetUtcNow() };
            db.Cities.Add(city);
        }

        city.Name = name;
        city.Population = population ?? city.Population;
        city.IsSynthetic = synthetic;
        await db.SaveChangesAsync(ct);
        return city;
    }

    /// <summary>
    /// Registers a public key for a city under <paramref name="keyId"/> (default: its JWK thumbprint). Validity
    /// is judged at signing time, and a node may sign before the coordinator registers its key, so by default
    /// a key is valid for anything it signed before registration too; revocation is what stops a key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The city is unknown, or the key id is taken by another key, city or verifier.</exception>
    public async Task<CityKeyRecord> RegisterKeyAsync(string cityId, EcPublicJwk key, string? keyId = null, DateTimeOffset? validFrom = null, CancellationToken ct = default)
    {
        keyId ??= key.Thumbprint();
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, ct))
        {
            throw new InvalidOperationException($"The city {cityId} is not registered; add it first (cities add).");
        }

        var existing = await db.CityKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (existing is not null)
        {
            return existing.CityId == cityId && EcPublicJwk.Parse(existing.Jwk).Equals(key)
                ? existing
                : throw new InvalidOperationException($"The key id '{keyId}' is already registered to {existing.CityId} with another key.");
        }

        if (await KeyOwner.OfAsync(db, keyId, ct) is { } verifier)
        {
            throw new InvalidOperationException($"The key id '{keyId}' is already registered to {verifier.Description}; a key signs for one member only.");
        }

        var record = new CityKeyRecord
        {
            KeyId = keyId,
            CityId = cityId,
            Jwk = key.ToJson(),
            ValidFrom = validFrom ?? DateTimeOffset.UnixEpoch,
            RegisteredAt = time.GetUtcNow(),
        };
        db.CityKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Revokes a key now. Snapshots it signed that were already accepted stay; new ones are refused. The access tokens of
    /// the city's node are revoked with it (a key is revoked when the node may be in other hands): the node needs a new
    /// token, and if its secret may be known too, the coordinator gives it a new one or removes the client.
    /// </summary>
    /// <returns>The revoked key, or <see langword="null"/> if no key has that id.</returns>
    public async Task<CityKeyRecord?> RevokeKeyAsync(string keyId, CancellationToken ct = default)
    {
        var key = await db.CityKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (key is null)
        {
            return null;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await clients.RevokeTokensAsync(ClientRegistry.NodeClientId(key.CityId), ct);
        }

        return key;
    }

    /// <summary>Every city with its keys.</summary>
    public Task<List<CityRecord>> ListAsync(CancellationToken ct = default) =>
        db.Cities.AsNoTracking().Include(c => c.Keys).OrderBy(c => c.Id).ToListAsync(ct);
}
