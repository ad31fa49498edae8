using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.Identity;
using Network.Hub.Keys;
using Network.Hub.Problems;
using Network.Hub.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Verifiers;

/// <summary>
/// <c>/api/verifiers</c>: who the network's verifiers are, which cities each attests and its public keys (anyone: a reader
/// re-checks an attestation's signature as a snapshot's); and the coordinator's side, as for cities: a verifier's keys,
/// adding one (rotation: old and new are both valid until the old one is revoked), revoking one, and assigning a verifier
/// to a city or ending the assignment.
/// </summary>
public static class VerifiersApi
{
    /// <summary>Maps the routes: the list and the JWK Sets anonymous, the rest requiring <see cref="Access.Coordinate"/>.</summary>
    public static IEndpointRouteBuilder MapVerifiersApi(this IEndpointRouteBuilder app)
    {
        var verifiers = app.MapGroup("/api/verifiers").WithTags("Verifiers");
        verifiers.MapGet("/", ListAsync)
            .WithSummary("The network's verifiers: the cities each is assigned to and its key ids");
        verifiers.MapGet("/{verifierId}/jwks", JwksAsync)
            .WithSummary("A verifier's public signing keys as a JWK Set, revoked ones with their revocation time: re-check any attestation's signature");

        verifiers.MapGet("/{verifierId}/keys", KeysAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("A verifier's signing keys: valid from, revoked at. Coordinators");
        verifiers.MapPost("/{verifierId}/keys", AddKeyAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Add a signing key to a verifier (JSON: jwk, validFrom); old and new are valid until the old one is revoked. Coordinators");
        verifiers.MapPost("/{verifierId}/keys/{keyId}/revoke", RevokeKeyAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Revoke a verifier's key: attestations it signs are refused from now on; those accepted before stay. Coordinators");
        verifiers.MapPost("/{verifierId}/assignments", AssignAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Assign a verifier to a city (JSON: cityId): it may attest the city's values from now on. Coordinators");
        verifiers.MapDelete("/{verifierId}/assignments/{cityId}", EndAssignmentAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("End a verifier's assignment to a city (kept in the record, with its end). Coordinators");
        return app;
    }

    /// <summary>Every verifier, by id, with the cities it is assigned to now and its key ids (oldest first).</summary>
    public static async Task<Ok<VerifierView[]>> ListAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var verifiers = await db.Verifiers.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        var keys = await db.VerifierKeys.AsNoTracking().Select(k => new { k.VerifierId, k.KeyId, k.RegisteredAt }).ToListAsync(cancellationToken);
        var cities = await db.VerifierAssignments.AsNoTracking().Where(a => a.EndedAt == null).Select(a => new { a.VerifierId, a.CityId }).ToListAsync(cancellationToken);
        return TypedResults.Ok(verifiers.Select(v => new VerifierView(
                v.Id,
                v.Name,
                [.. cities.Where(c => c.VerifierId == v.Id).Select(c => c.CityId).Distinct().Order(StringComparer.Ordinal)],
                [.. keys.Where(k => k.VerifierId == v.Id).OrderBy(k => k.RegisteredAt).Select(k => k.KeyId)]))
            .ToArray());
    }

    /// <summary>A verifier's JWK Set, in the shape of a city's (<see cref="PublicKeysApi.JwkSet"/>), oldest key first.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> JwksAsync(string verifierId, NetworkDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, cancellationToken))
        {
            return HubProblem.NoSuchVerifier(verifierId).ToResult();
        }

        var keys = await db.VerifierKeys.AsNoTracking()
            .Where(k => k.VerifierId == verifierId)
            .OrderBy(k => k.RegisteredAt)
            .Select(k => new PublishedKey(k.KeyId, k.Jwk, k.ValidFrom, k.ValidUntil, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return PublicKeysApi.JwkSet(keys);
    }

    /// <summary>A verifier's keys, oldest first.</summary>
    public static async Task<Results<Ok<VerifierKeyView[]>, ProblemHttpResult>> KeysAsync(string verifierId, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, cancellationToken))
        {
            return HubProblem.NoSuchVerifier(verifierId).ToResult();
        }

        var keys = await db.VerifierKeys.AsNoTracking().Where(k => k.VerifierId == verifierId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(keys.OrderBy(k => k.RegisteredAt).Select(k => VerifierKeyView.Of(k, now)).ToArray());
    }

    /// <summary>Adds a key to a verifier: 201 with the key (200 when that very key is registered to it already).</summary>
    public static async Task<Results<Created<VerifierKeyView>, ValidationProblem, ProblemHttpResult>> AddKeyAsync(
        string verifierId, KeyRegistration registration, VerifierRegistry registry, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, cancellationToken))
        {
            return HubProblem.NoSuchVerifier(verifierId).ToResult();
        }

        if (ParseKey(registration.Jwk, out var error) is not { } key)
        {
            return HubProblem.KeyNotRegistrable(new Dictionary<string, string[]> { ["jwk"] = [error] }).ToValidationResult();
        }

        if (await KeyOwner.OfAsync(db, key.Thumbprint(), cancellationToken) is { } owner
            && !(owner.IsVerifier && owner.MemberId == verifierId && EcPublicJwk.Parse(owner.Jwk).Equals(key)))
        {
            return HubProblem.KeyOfAnotherMember(key.Thumbprint(), owner).ToResult();
        }

        var record = await registry.RegisterKeyAsync(verifierId, key, validFrom: registration.ValidFrom, ct: cancellationToken);
        return TypedResults.Created($"/api/verifiers/{verifierId}/keys", VerifierKeyView.Of(record, time.GetUtcNow()));
    }

    /// <summary>Revokes a verifier's key now (again: nothing changes): 200 with the key.</summary>
    public static async Task<Results<Ok<VerifierKeyView>, ProblemHttpResult>> RevokeKeyAsync(
        string verifierId, string keyId, VerifierRegistry registry, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.VerifierKeys.AnyAsync(k => k.KeyId == keyId && k.VerifierId == verifierId, cancellationToken))
        {
            return HubProblem.NoSuchVerifierKey(verifierId, keyId).ToResult();
        }

        var revoked = await registry.RevokeKeyAsync(keyId, cancellationToken);
        return TypedResults.Ok(VerifierKeyView.Of(revoked!, time.GetUtcNow()));
    }

    /// <summary>Assigns a verifier to a city: 201 with the assignment, 200 when it holds already.</summary>
    public static async Task<Results<Created<AssignmentView>, Ok<AssignmentView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string verifierId, AssignmentRequest request, ClaimsPrincipal user, VerifierRegistry registry, NetworkDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CityId.Explain(request.CityId ?? "") is { } why)
        {
            return HubProblem.AssignmentNotPossible(new Dictionary<string, string[]>
            {
                ["cityId"] = [request.CityId is null ? "the city to assign the verifier to is required, e.g. {\"cityId\": \"NO-5001\"}" : why],
            }).ToValidationResult();
        }

        if (!await db.Verifiers.AnyAsync(v => v.Id == verifierId, cancellationToken))
        {
            return HubProblem.NoSuchVerifier(verifierId).ToResult();
        }

        if (!await db.Cities.AnyAsync(c => c.Id == request.CityId, cancellationToken))
        {
            return HubProblem.NoSuchCity(request.CityId!, "GET /api/cities lists the member cities.").ToResult();
        }

        var change = await registry.AssignAsync(verifierId, request.CityId!, Coordinator(user), cancellationToken);
        var view = AssignmentView.Of(change.Assignment);
        return change.Changed
            ? TypedResults.Created($"/api/verifiers/{verifierId}/assignments/{view.CityId}", view)
            : TypedResults.Ok(view);
    }

    /// <summary>Ends a verifier's assignment to a city: 200 with the ended assignment, 404 when none holds.</summary>
    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> EndAssignmentAsync(
        string verifierId, string cityId, ClaimsPrincipal user, VerifierRegistry registry, CancellationToken cancellationToken) =>
        await registry.EndAssignmentAsync(verifierId, cityId, Coordinator(user), cancellationToken) is { } ended
            ? TypedResults.Ok(AssignmentView.Of(ended))
            : HubProblem.NoSuchAssignment(verifierId, cityId).ToResult();

    private static string Coordinator(ClaimsPrincipal user) => user.FindFirst(Claims.Subject)?.Value ?? "unknown";

    private static EcPublicJwk? ParseKey(JsonElement? jwk, out string error)
    {
        error = jwk switch
        {
            null => "the new public key is required, as a JWK object: {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"...\",\"y\":\"...\"}",
            { ValueKind: not JsonValueKind.Object } => "the public key must be a JWK object",
            _ => "",
        };
        if (error.Length > 0)
        {
            return null;
        }

        if (EcPublicJwk.TryParse(jwk!.Value.GetRawText(), out var key, out var why))
        {
            return key;
        }

        error = $"not a usable verifier key: {why}";
        return null;
    }
}
