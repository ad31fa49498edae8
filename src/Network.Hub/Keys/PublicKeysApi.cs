using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Hub.Problems;
using Network.Hub.Storage;

namespace Network.Hub.Keys;

/// <summary>
/// A city's public keys as a JWK Set (RFC 7517 §5), for anyone: <c>GET /api/cities/{cityId}/jwks</c>. Public keys are
/// public so that any reader can re-check a snapshot's signature with a library of their choice. Revoked keys stay in
/// the set with the time of their revocation, because what they signed before it stays valid. A verifier's keys are
/// published the same way (<see cref="JwkSet"/>, <c>GET /api/verifiers/{verifierId}/jwks</c>).
/// </summary>
public static class PublicKeysApi
{
    /// <summary>The media type of a JWK Set (RFC 7517 §8.5.1).</summary>
    public const string MediaType = "application/jwk-set+json";

    /// <summary>Maps the route; anonymous.</summary>
    public static IEndpointRouteBuilder MapPublicKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/cities").WithTags("Cities")
            .MapGet("/{cityId}/jwks", JwksAsync)
            .WithSummary("A city's public signing keys as a JWK Set, revoked ones with their revocation time: re-check any snapshot's signature");
        return app;
    }

    /// <summary>The JWK Set of <paramref name="cityId"/> (<see cref="JwkSet"/>), oldest key first.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> JwksAsync(string cityId, NetworkDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
        {
            return HubProblem.NoSuchCity(cityId, "GET /api/cities lists the member cities.").ToResult();
        }

        var keys = await db.CityKeys.AsNoTracking()
            .Where(k => k.CityId == cityId)
            .OrderBy(k => k.RegisteredAt)
            .Select(k => new PublishedKey(k.KeyId, k.Jwk, k.ValidFrom, k.ValidUntil, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return JwkSet(keys);
    }

    /// <summary>
    /// The JWK Set of <paramref name="keys"/> (a city's or a verifier's), in their order: each key's public members
    /// (<c>kty</c>, <c>crv</c>, <c>x</c>, <c>y</c>), <c>kid</c>, <c>use</c> <c>sig</c>, <c>alg</c> <c>ES256</c>, and the
    /// registry's dates as RFC 3339 strings: <c>validFrom</c>, <c>validUntil</c> and <c>revokedAt</c> when set.
    /// </summary>
    public static ContentHttpResult JwkSet(IEnumerable<PublishedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = new JsonArray();
        foreach (var key in keys)
        {
            var jwk = JsonNode.Parse(key.Jwk)!.AsObject();
            jwk["kid"] = key.KeyId;
            jwk["use"] = "sig";
            jwk["alg"] = SnapshotFormat.Algorithm;
            jwk["validFrom"] = key.ValidFrom;
            if (key.ValidUntil is { } until)
            {
                jwk["validUntil"] = until;
            }

            if (key.RevokedAt is { } revoked)
            {
                jwk["revokedAt"] = revoked;
            }

            set.Add(jwk);
        }

        return TypedResults.Content(new JsonObject { ["keys"] = set }.ToJsonString(JsonOptions), MediaType);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>A registered public key as a JWK Set publishes it.</summary>
/// <param name="KeyId">The key id.</param>
/// <param name="Jwk">The public key as JWK JSON.</param>
/// <param name="ValidFrom">From when it may sign.</param>
/// <param name="ValidUntil">Until when, if limited.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record PublishedKey(string KeyId, string Jwk, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt);
