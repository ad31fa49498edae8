using System.Text.Json;
using Network.Hub.Storage;

namespace Network.Hub.Verifiers;

/// <summary>A verifier as <c>GET /api/verifiers</c> lists it.</summary>
/// <param name="Id">The verifier id, as its attestations name it.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Cities">The cities it is assigned to now.</param>
/// <param name="KeyIds">Its keys' ids, oldest first, revoked ones included (its JWK Set says which are).</param>
public sealed record VerifierView(string Id, string Name, IReadOnlyList<string> Cities, IReadOnlyList<string> KeyIds);

/// <summary>A verifier's signing key as the registry holds it.</summary>
/// <param name="KeyId">The key id attestations name.</param>
/// <param name="VerifierId">The one verifier it signs for.</param>
/// <param name="Jwk">The public key.</param>
/// <param name="ValidFrom">From when it may sign (judged at the attestation's issuedAt).</param>
/// <param name="ValidUntil">Until when, if limited.</param>
/// <param name="RevokedAt">When it was revoked; attestations it signs are refused from then on.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="State"><c>active</c>, <c>revoked</c> or <c>notYetValid</c>.</param>
public sealed record VerifierKeyView(
    string KeyId, string VerifierId, JsonElement Jwk, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt, DateTimeOffset RegisteredAt, string State)
{
    /// <summary>The view of a registry record at <paramref name="now"/>.</summary>
    public static VerifierKeyView Of(VerifierKeyRecord key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var jwk = JsonDocument.Parse(key.Jwk);
        var state = key.RevokedAt is not null ? "revoked" : key.ValidFrom > now ? "notYetValid" : "active";
        return new(key.KeyId, key.VerifierId, jwk.RootElement.Clone(), key.ValidFrom, key.ValidUntil, key.RevokedAt, key.RegisteredAt, state);
    }
}

/// <summary>The body of <c>POST /api/verifiers/{verifierId}/assignments</c>.</summary>
/// <param name="CityId">The city the verifier is to attest, e.g. <c>NO-5001</c>.</param>
public sealed record AssignmentRequest(string? CityId);

/// <summary>A verifier's assignment to a city.</summary>
/// <param name="VerifierId">The verifier.</param>
/// <param name="CityId">The city.</param>
/// <param name="AssignedAt">When a coordinator assigned it.</param>
/// <param name="AssignedBy">Which coordinator's client.</param>
/// <param name="EndedAt">When it ended; null while it holds.</param>
/// <param name="EndedBy">Which coordinator's client ended it.</param>
public sealed record AssignmentView(string VerifierId, string CityId, DateTimeOffset AssignedAt, string AssignedBy, DateTimeOffset? EndedAt, string? EndedBy)
{
    /// <summary>The view of a stored assignment.</summary>
    public static AssignmentView Of(VerifierAssignmentRecord assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new(assignment.VerifierId, assignment.CityId, assignment.AssignedAt, assignment.AssignedBy, assignment.EndedAt, assignment.EndedBy);
    }
}
