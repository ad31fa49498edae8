using System.Net;
using System.Text.Json;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>POST /connect/token: OAuth 2.0 client credentials against the hub's own client store.</summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Issues_a_node_a_signed_token_for_the_hub_naming_its_city_and_every_scope_it_may_have()
    {
        using var response = await TestTokens.PostAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 3000, 3600);
        var claims = TestTokens.Claims(body.GetProperty("access_token").GetString()!);
        Assert.Equal("node-NO-5001", claims.GetProperty("sub").GetString());
        Assert.Equal("NO-5001", claims.GetProperty("city").GetString());
        Assert.Equal(IdentityExtensions.Audience, claims.GetProperty("aud").GetString());
        Assert.Equal($"{Scopes.Publish} {Scopes.Read}", claims.GetProperty("scope").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_token_asked_for_one_scope_carries_only_that_one()
    {
        var token = await TestTokens.RequestAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), Scopes.Read, Ct);

        Assert.Equal(Scopes.Read, TestTokens.Claims(token).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_coordinator_token_names_no_city()
    {
        var coordinator = await _hub.AddCoordinatorClientAsync("Secretariat");

        var token = await TestTokens.RequestAsync(_client, coordinator.ClientId, coordinator.ClientSecret, ct: Ct);

        var claims = TestTokens.Claims(token);
        Assert.Equal("coordinator-secretariat", claims.GetProperty("sub").GetString());
        Assert.False(claims.TryGetProperty("city", out _));
        Assert.Equal($"{Scopes.Coordinate} {Scopes.Read}", string.Join(' ', claims.GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Refuses_a_wrong_secret_as_invalid_client()
    {
        using var response = await TestTokens.PostAsync(_client, "node-NO-5001", "not-the-secret", ct: Ct);

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Refuses_an_unknown_client_as_invalid_client()
    {
        using var response = await TestTokens.PostAsync(_client, "node-SE-0180", "whatever", ct: Ct);

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Refuses_a_scope_the_client_may_not_have()
    {
        using var response = await TestTokens.PostAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), Scopes.Coordinate, Ct);

        // OpenIddict answers a scope the client is not permitted with invalid_request (an unknown scope is invalid_scope).
        var description = await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Contains("not allowed to use the specified scope", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_scope_the_hub_does_not_know()
    {
        using var response = await TestTokens.PostAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), "admin", Ct);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Refuses_any_grant_but_client_credentials()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "admin",
            ["password"] = "admin",
            ["client_id"] = "node-NO-5001",
            ["client_secret"] = TestTokens.NodeSecret("NO-5001"),
        });

        using var response = await _client.PostAsync("/connect/token", form, Ct);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task A_new_secret_replaces_the_old_one()
    {
        var replaced = await _hub.AddNodeClientAsync("NO-5001");

        using var old = await TestTokens.PostAsync(_client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);
        using var fresh = await TestTokens.PostAsync(_client, "node-NO-5001", replaced.ClientSecret, ct: Ct);

        Assert.True(replaced.Replaced);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    // Token endpoint errors are OAuth's own format (RFC 6749 §5.2), which every OAuth client library reads.
    private static async Task<string> AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.True(error == body.GetProperty("error").GetString(), text);
        var description = body.GetProperty("error_description").GetString();
        Assert.False(string.IsNullOrWhiteSpace(description));
        return description!;
    }
}
