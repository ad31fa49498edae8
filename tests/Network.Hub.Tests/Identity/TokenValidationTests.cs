using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Network.Testing;
using Network.Testing.Hub;
using OpenIddict.Server;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// The hub accepts its own access tokens and nothing else. Each test takes a real token of Trondheim's node, changes
/// one thing and signs it again: with the hub's own key (expired, wrong audience), with another key, or not at all.
/// The first test shows that re-signing an unchanged token keeps it valid, so each refusal is for the one change.
/// </summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _client = null!;
    private string _token = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
        _token = await TestTokens.RequestAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task The_same_claims_signed_again_with_the_hubs_key_are_accepted()
    {
        var token = Resign(_token, _ => { }, HubKey());

        Assert.Equal(HttpStatusCode.Accepted, await PublishWithAsync(token));
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var past = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        var token = Resign(_token, claims => { claims["iat"] = past; claims["exp"] = past + 600; }, HubKey());

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishWithAsync(token));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = Resign(_token, claims => claims["aud"] = "some-other-api", HubKey());

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishWithAsync(token));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var token = Resign(_token, claims => claims["iss"] = "https://impostor.example.org/", HubKey());

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishWithAsync(token));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_401_even_with_the_hubs_key_id()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var token = Resign(_token, claims => claims["city"] = "NO-5001", forger);

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishWithAsync(token));
    }

    [Fact]
    public async Task An_unsigned_token_alg_none_is_401()
    {
        var parts = _token.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        header["alg"] = "none";
        var token = $"{Encode(header.ToJsonString())}.{parts[1]}.";

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishWithAsync(token));
    }

    [Fact]
    public async Task A_refused_token_is_problem_details_saying_why()
    {
        var past = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        using var client = _hub.CreateClient().WithToken(Resign(_token, claims => { claims["iat"] = past; claims["exp"] = past + 600; }, HubKey()));
        using var content = new StringContent(_trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");

        using var response = await client.PostAsync("/api/snapshots", content, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("no longer valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> PublishWithAsync(string token)
    {
        using var client = _hub.CreateClient().WithToken(token);
        using var content = new StringContent(_trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");
        using var response = await client.PostAsync("/api/snapshots", content, Ct);
        return response.StatusCode;
    }

    // The hub's development signing key in the Testing environment: P-256 (ES256).
    private ECDsa HubKey()
    {
        var credentials = _hub.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials;
        return Assert.IsType<ECDsaSecurityKey>(Assert.Single(credentials).Key).ECDsa;
    }

    private static string Resign(string token, Action<JsonObject> change, ECDsa key)
    {
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(claims);
        return RawJws.SignParts(parts[0], Encode(claims.ToJsonString()), key);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
