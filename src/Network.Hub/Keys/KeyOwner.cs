using Microsoft.EntityFrameworkCore;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// Who holds a key id in the key registry. A key id is unique across the whole network, cities' and verifiers' keys
/// alike, so that a <c>kid</c> names one key of one member wherever it appears (a snapshot's header, an attestation's).
/// </summary>
/// <param name="MemberId">The city id or the verifier id.</param>
/// <param name="IsVerifier">Whether the key is a verifier's.</param>
/// <param name="Jwk">The registered public key as JWK JSON.</param>
public sealed record KeyOwner(string MemberId, bool IsVerifier, string Jwk)
{
    /// <summary>The owner in words: <c>NO-5001</c> or <c>the verifier demo-verifier</c>.</summary>
    public string Description => IsVerifier ? $"the verifier {MemberId}" : MemberId;

    /// <summary>The member holding <paramref name="keyId"/>, or <see langword="null"/> when no key has that id.</summary>
    public static async Task<KeyOwner?> OfAsync(NetworkDbContext db, string keyId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CityKeys.AsNoTracking().Where(k => k.KeyId == keyId).Select(k => new KeyOwner(k.CityId, false, k.Jwk)).FirstOrDefaultAsync(ct)
            ?? await db.VerifierKeys.AsNoTracking().Where(k => k.KeyId == keyId).Select(k => new KeyOwner(k.VerifierId, true, k.Jwk)).FirstOrDefaultAsync(ct);
    }
}
