using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Hub.Identity;
using Network.Hub.Keys;
using Network.Hub.Storage;

namespace Network.Hub.Verifiers;

/// <summary>
/// The verifiers of the network: registers them and their public keys (rotation is registering a new key; both are
/// valid until the old one is revoked), revokes keys, and keeps their assignments to cities, which decide whose values a
/// verifier may attest. The verifier counterpart of <see cref="KeyRegistry"/>; enrollment approvals, the coordinator's
/// API and the admin commands use it.
/// </summary>
public sealed class VerifierRegistry(NetworkDbContext db, TimeProvider time, ClientRegistry clients)
{
    /// <summary>Registers a verifier, or renames an existing one (and sets its contact when one is given).</summary>
    /// <exception cref="ArgumentException">The id is not a verifier id, or the name is empty.</exception>
    public async Task<VerifierRecord> AddOrUpdateVerifierAsync(string verifierId, string name, string? contact = null, CancellationToken ct = default)
    {
        if (!AttestationFormat.IsVerifierId(verifierId))
        {
            throw new ArgumentException("A verifier id is 3 to 64 lower-case letters, digits and dashes, e.g. demo-verifier.", nameof(verifierId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var verifier = await db.Verifiers.FirstOrDefaultAsync(v => v.Id == verifierId, ct);
        if (verifier is null)
        {
            verifier = new VerifierRecord { Id = verifierId, Name = name, RegisteredAt = time.GetUtcNow() };
            db.Verifiers.Add(verifier);
        }

        verifier.Name = name;
        verifier.Contact = contact ?? verifier.Contact;
        await db.SaveChangesAsync(ct);
        return verifier;
    }

    /// <summary>
    /// Registers a public key for a verifier under <paramref name="keyId"/> (default: its JWK thumbprint); the same key
    /// registered again is returned as it is. Valid by default for anything it signed before registration too, as a
    /// city's key is; revocation is what stops a key.
    /// </summary>
    /// <exception cref="InvalidOperationException">The verifier is unknown, or the key id is taken by another key or member (city or verifier).</exception>
    public async Task<VerifierKeyRecord> RegisterKeyAsync(string verifierId, EcPublicJwk key, string? keyId = null, DateTimeOffset? validFrom = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        keyId ??= key.Thumbprint();
        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, ct))
        {
            throw new InvalidOperationException($"The verifier {verifierId} is not registered; it enrolls first (POST /api/enrollments), or add it (verifiers add).");
        }

        if (await KeyOwner.OfAsync(db, keyId, ct) is { } owner)
        {
            return owner.IsVerifier && owner.MemberId == verifierId && EcPublicJwk.Parse(owner.Jwk).Equals(key)
                ? await db.VerifierKeys.FirstAsync(k => k.KeyId == keyId, ct)
                : throw new InvalidOperationException($"The key id '{keyId}' is already registered to {owner.Description}; a key signs for one member only.");
        }

        var record = new VerifierKeyRecord
        {
            KeyId = keyId,
            VerifierId = verifierId,
            Jwk = key.ToJson(),
            ValidFrom = validFrom ?? DateTimeOffset.UnixEpoch,
            RegisteredAt = time.GetUtcNow(),
        };
        db.VerifierKeys.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// Revokes a verifier's key now. Attestations it signed that were accepted stay; new ones are refused. The verifier
    /// client's access tokens are revoked with it, as a node's are with its city's key.
    /// </summary>
    /// <returns>The revoked key, or <see langword="null"/> if no verifier key has that id.</returns>
    public async Task<VerifierKeyRecord?> RevokeKeyAsync(string keyId, CancellationToken ct = default)
    {
        var key = await db.VerifierKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (key is null)
        {
            return null;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await clients.RevokeTokensAsync(ClientRegistry.VerifierClientId(key.VerifierId), ct);
        }

        return key;
    }

    /// <summary>
    /// Assigns a verifier to a city: from now on it may attest the city's values and reads the city's snapshots in its
    /// queue. Assigning again while the assignment holds changes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The verifier or the city is not registered.</exception>
    public async Task<AssignmentChange> AssignAsync(string verifierId, string cityId, string assignedBy, CancellationToken ct = default)
    {
        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, ct))
        {
            throw new InvalidOperationException($"The verifier {verifierId} is not registered.");
        }

        if (!await db.Cities.AnyAsync(c => c.Id == cityId, ct))
        {
            throw new InvalidOperationException($"The city {cityId} is not registered.");
        }

        if (await Holding(verifierId, cityId).FirstOrDefaultAsync(ct) is { } holding)
        {
            return new AssignmentChange(holding, Changed: false);
        }

        var assignment = new VerifierAssignmentRecord { VerifierId = verifierId, CityId = cityId, AssignedAt = time.GetUtcNow(), AssignedBy = assignedBy };
        db.VerifierAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return new AssignmentChange(assignment, Changed: true);
    }

    /// <summary>
    /// Ends a verifier's assignment to a city: its attestations for the city are refused from now on; those accepted stay.
    /// The assignment is kept, with its end, so the record shows who could attest for whom when.
    /// </summary>
    /// <returns>The ended assignment, or <see langword="null"/> when none holds.</returns>
    public async Task<VerifierAssignmentRecord?> EndAssignmentAsync(string verifierId, string cityId, string endedBy, CancellationToken ct = default)
    {
        var assignment = await Holding(verifierId, cityId).FirstOrDefaultAsync(ct);
        if (assignment is null)
        {
            return null;
        }

        assignment.EndedAt = time.GetUtcNow();
        assignment.EndedBy = endedBy;
        await db.SaveChangesAsync(ct);
        return assignment;
    }

    /// <summary>Whether <paramref name="verifierId"/> is assigned to <paramref name="cityId"/> now: the ingestion of attestations asks this.</summary>
    public Task<bool> IsAssignedAsync(string verifierId, string cityId, CancellationToken ct = default) =>
        Holding(verifierId, cityId).AnyAsync(ct);

    /// <summary>The cities <paramref name="verifierId"/> is assigned to now, by id.</summary>
    public Task<List<string>> AssignedCitiesAsync(string verifierId, CancellationToken ct = default) =>
        db.VerifierAssignments.AsNoTracking()
            .Where(a => a.VerifierId == verifierId && a.EndedAt == null)
            .Select(a => a.CityId).Distinct().OrderBy(c => c)
            .ToListAsync(ct);

    /// <summary>Every verifier with its keys, by id.</summary>
    public Task<List<VerifierRecord>> ListAsync(CancellationToken ct = default) =>
        db.Verifiers.AsNoTracking().Include(v => v.Keys).OrderBy(v => v.Id).ToListAsync(ct);

    private IQueryable<VerifierAssignmentRecord> Holding(string verifierId, string cityId) =>
        db.VerifierAssignments.Where(a => a.VerifierId == verifierId && a.CityId == cityId && a.EndedAt == null);
}

/// <summary>What an assignment request did.</summary>
/// <param name="Assignment">The assignment that holds.</param>
/// <param name="Changed">Whether this request made it (otherwise it held already).</param>
public sealed record AssignmentChange(VerifierAssignmentRecord Assignment, bool Changed);
