using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Signing;
using Network.Hub.Keys;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Keys;

/// <summary>
/// Anyone can fetch a city's public keys as a JWK Set and re-check a snapshot's signature with them: written against
/// RFC 7515/7517 and .NET's own ECDsa, not the project's verifier.
/// </summary>
public sealed class PublicKeysTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task An_anonymous_reader_re_checks_a_snapshots_signature_with_the_citys_published_keys()
    {
        var jws = _trondheim.Snapshot().ForPeriod(2020).Sign();
        using var anonymous = _hub.CreateClient();

        using var response = await anonymous.GetAsync("/api/cities/NO-5001/jwks", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicKeysApi.MediaType, response.Content.Headers.ContentType?.MediaType);
        using var set = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var parts = jws.Split('.');
        var kid = JsonDocument.Parse(Base64Url(parts[0])).RootElement.GetProperty("kid").GetString();
        var key = set.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (Text(key, "kty"), Text(key, "crv"), Text(key, "alg"), Text(key, "use")));
        Assert.False(key.TryGetProperty("d", out _)); // never a private member

        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url(Text(key, "x")), Y = Base64Url(Text(key, "y")) },
        });
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(ecdsa.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256)); // JWS ES256: r || s
        signed[^1] ^= 1;
        Assert.False(ecdsa.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task A_revoked_key_stays_in_the_set_with_its_revocation_time()
    {
        using var next = CityKeyPair.Generate();
        await _hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().RegisterKeyAsync("NO-5001", next.PublicJwk, next.KeyId, DateTimeOffset.UnixEpoch, Ct));
        await _hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().RevokeKeyAsync(_trondheim.Keys.KeyId, Ct));
        using var anonymous = _hub.CreateClient();

        using var set = JsonDocument.Parse(await anonymous.GetStringAsync("/api/cities/NO-5001/jwks", Ct));

        var keys = set.RootElement.GetProperty("keys").EnumerateArray().ToDictionary(k => Text(k, "kid"));
        Assert.Equal(2, keys.Count);
        Assert.True(keys[_trondheim.Keys.KeyId].TryGetProperty("revokedAt", out var revokedAt));
        Assert.True(revokedAt.GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.False(keys[next.KeyId].TryGetProperty("revokedAt", out _));
    }

    [Fact]
    public async Task An_unknown_city_is_a_404_problem()
    {
        using var anonymous = _hub.CreateClient();

        using var response = await anonymous.GetAsync("/api/cities/NO-9999/jwks", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static byte[] Base64Url(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
