using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.Keys;
using Network.Hub.Problems;
using Network.Hub.Storage;

namespace Network.Hub.Identity;

/// <summary>
/// The coordinator's side of <c>/api/cities</c>: register a city with its key directly (the bootstrap path, beside
/// enrollment), list a city's keys, add a key (rotation: old and new are both valid until the old one is revoked), and
/// revoke a key (snapshots it signs from then on are refused; those accepted before stay, and say so).
/// </summary>
public static class MembershipApi
{
    /// <summary>Maps the routes, all requiring <see cref="Access.Coordinate"/>.</summary>
    public static IEndpointRouteBuilder MapMembershipApi(this IEndpointRouteBuilder app)
    {
        var cities = app.MapGroup("/api/cities").WithTags("Identity").RequireAuthorization(Access.Coordinate);
        cities.MapPost("/", RegisterCityAsync)
            .WithSummary("Register a city (or rename it), optionally with its public key (JSON: id, name, population, jwk). Coordinators");
        cities.MapGet("/{cityId}/keys", KeysAsync)
            .WithSummary("A city's signing keys: valid from, revoked at. Coordinators");
        cities.MapPost("/{cityId}/keys", AddKeyAsync)
            .WithSummary("Add a signing key to a city (JSON: jwk, validFrom); old and new are valid until the old one is revoked. Coordinators");
        cities.MapPost("/{cityId}/keys/{keyId}/revoke", RevokeKeyAsync)
            .WithSummary("Revoke a key: snapshots it signs are refused from now on; those accepted before stay. Coordinators");
        return app;
    }

    /// <summary>Registers or renames a city, and registers its key when one is given: 201 for a new city, 200 for a known one.</summary>
    public static async Task<Results<Created<CityRegistered>, Ok<CityRegistered>, ValidationProblem, ProblemHttpResult>> RegisterCityAsync(
        CityRegistration registration, KeyRegistry registry, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new Dictionary<string, string[]>();
        if (CityId.Explain(registration.Id) is { } why)
        {
            errors["id"] = [why];
        }

        if (string.IsNullOrWhiteSpace(registration.Name) || registration.Name.Length > 200)
        {
            errors["name"] = ["a city needs a name of 1 to 200 characters, e.g. Trondheim"];
        }

        var key = registration.Jwk is { } jwk ? ParseKey(jwk, errors) : null;
        if (errors.Count > 0)
        {
            return HubProblem.CityNotRegistrable(errors).ToValidationResult();
        }

        if (key is not null && await KeyConflictAsync(db, key.Thumbprint(), registration.Id!, key, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var known = await db.Cities.AnyAsync(c => c.Id == registration.Id, cancellationToken);
        var city = await registry.AddOrUpdateCityAsync(registration.Id!, registration.Name!.Trim(), registration.Population, ct: cancellationToken);
        var registered = key is null
            ? null
            : KeyView.Of(await registry.RegisterKeyAsync(city.Id, key, validFrom: registration.ValidFrom, ct: cancellationToken), time.GetUtcNow());

        var answer = new CityRegistered(city.Id, city.Name, city.Population, !known, registered);
        return known ? TypedResults.Ok(answer) : TypedResults.Created($"/api/cities/{city.Id}/keys", answer);
    }

    /// <summary>A city's keys, oldest first.</summary>
    public static async Task<Results<Ok<KeyView[]>, ProblemHttpResult>> KeysAsync(string cityId, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
        {
            return NoSuchCity(cityId);
        }

        var keys = await db.CityKeys.AsNoTracking().Where(k => k.CityId == cityId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(keys.OrderBy(k => k.RegisteredAt).Select(k => KeyView.Of(k, now)).ToArray());
    }

    /// <summary>Adds a key to a city: 201 with the key.</summary>
    public static async Task<Results<Created<KeyView>, ValidationProblem, ProblemHttpResult>> AddKeyAsync(
        string cityId, KeyRegistration registration, KeyRegistry registry, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
        {
            return NoSuchCity(cityId);
        }

        var errors = new Dictionary<string, string[]>();
        var key = registration.Jwk is { } jwk ? ParseKey(jwk, errors) : null;
        if (key is null)
        {
            errors.TryAdd("jwk", ["the new public key is required, as a JWK object: {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"...\",\"y\":\"...\"}"]);
            return HubProblem.KeyNotRegistrable(errors).ToValidationResult();
        }

        if (await KeyConflictAsync(db, key.Thumbprint(), cityId, key, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var record = await registry.RegisterKeyAsync(cityId, key, validFrom: registration.ValidFrom, ct: cancellationToken);
        return TypedResults.Created($"/api/cities/{cityId}/keys", KeyView.Of(record, time.GetUtcNow()));
    }

    /// <summary>Revokes a city's key now (again: nothing changes): 200 with the key.</summary>
    public static async Task<Results<Ok<KeyView>, ProblemHttpResult>> RevokeKeyAsync(
        string cityId, string keyId, KeyRegistry registry, NetworkDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.CityKeys.AnyAsync(k => k.KeyId == keyId && k.CityId == cityId, cancellationToken))
        {
            return HubProblem.NoSuchKey(cityId, keyId).ToResult();
        }

        var revoked = await registry.RevokeKeyAsync(keyId, cancellationToken);
        return TypedResults.Ok(KeyView.Of(revoked!, time.GetUtcNow()));
    }

    private static EcPublicJwk? ParseKey(JsonElement jwk, Dictionary<string, string[]> errors)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            errors["jwk"] = ["the public key must be a JWK object"];
            return null;
        }

        if (EcPublicJwk.TryParse(jwk.GetRawText(), out var key, out var error))
        {
            return key;
        }

        errors["jwk"] = [$"not a usable city key: {error}"];
        return null;
    }

    private static async Task<ProblemHttpResult?> KeyConflictAsync(NetworkDbContext db, string keyId, string cityId, EcPublicJwk key, CancellationToken ct) =>
        await KeyOwner.OfAsync(db, keyId, ct) is { } existing
        && !(!existing.IsVerifier && existing.MemberId == cityId && EcPublicJwk.Parse(existing.Jwk).Equals(key))
            ? HubProblem.KeyOfAnotherMember(keyId, existing).ToResult()
            : null;

    private static ProblemHttpResult NoSuchCity(string cityId) =>
        HubProblem.NoSuchCity(cityId, "Register it first (POST /api/cities).").ToResult();
}

/// <summary>The body of <c>POST /api/cities</c>.</summary>
/// <param name="Id">The city id, e.g. <c>NO-5001</c>.</param>
/// <param name="Name">The city's name.</param>
/// <param name="Population">Inhabitants, for context filters; optional.</param>
/// <param name="Jwk">The city's public key as a JWK object; optional.</param>
/// <param name="ValidFrom">From when the key may sign; default: any time (revocation is what stops a key).</param>
public sealed record CityRegistration(string? Id, string? Name, int? Population, JsonElement? Jwk, DateTimeOffset? ValidFrom);

/// <summary>The body of <c>POST /api/cities/{id}/keys</c>.</summary>
/// <param name="Jwk">The new public key as a JWK object.</param>
/// <param name="ValidFrom">From when it may sign; default: any time.</param>
public sealed record KeyRegistration(JsonElement? Jwk, DateTimeOffset? ValidFrom);

/// <summary>A registered city.</summary>
/// <param name="CityId">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Population">Inhabitants, if known.</param>
/// <param name="Created">Whether this registered it (otherwise it was renamed).</param>
/// <param name="Key">The key registered with it, if one was given.</param>
public sealed record CityRegistered(string CityId, string Name, int? Population, bool Created, KeyView? Key);

/// <summary>A city's signing key as the registry holds it.</summary>
/// <param name="KeyId">The key id snapshots name.</param>
/// <param name="CityId">The one city it signs for.</param>
/// <param name="Jwk">The public key.</param>
/// <param name="ValidFrom">From when it may sign (judged at the snapshot's issuedAt).</param>
/// <param name="ValidUntil">Until when, if limited.</param>
/// <param name="RevokedAt">When it was revoked; snapshots it signs are refused from then on.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="State"><c>active</c>, <c>revoked</c> or <c>notYetValid</c>.</param>
public sealed record KeyView(string KeyId, string CityId, JsonElement Jwk, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt, DateTimeOffset RegisteredAt, string State)
{
    /// <summary>The view of a registry record at <paramref name="now"/>.</summary>
    public static KeyView Of(CityKeyRecord key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var jwk = JsonDocument.Parse(key.Jwk);
        var state = key.RevokedAt is not null ? "revoked" : key.ValidFrom > now ? "notYetValid" : "active";
        return new(key.KeyId, key.CityId, jwk.RootElement.Clone(), key.ValidFrom, key.ValidUntil, key.RevokedAt, key.RegisteredAt, state);
    }
}
