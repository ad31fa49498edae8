using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Contracts.Signing;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>The coordinator registers cities and keys directly, rotates and revokes keys through the API.</summary>
public sealed class MembershipApiTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));

    public async ValueTask DisposeAsync()
    {
        _coordinator.Dispose();
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Registers_a_city_with_its_key_and_its_node_can_publish()
    {
        using var response = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "NO-5001", name = "Trondheim", population = 212_660, jwk = Jwk(_trondheim.Keys) }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Equal(_trondheim.Keys.KeyId, body.GetProperty("key").GetProperty("keyId").GetString());
        Assert.Equal("active", body.GetProperty("key").GetProperty("state").GetString());
        await _hub.AddNodeClientAsync("NO-5001", secret: TestTokens.NodeSecret("NO-5001"));
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, _trondheim.Snapshot().Sign()));
    }

    [Fact]
    public async Task Registering_a_known_city_again_renames_it_with_200()
    {
        using var first = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "NO-5001", name = "Trondhjem" }, Ct);
        using var again = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "NO-5001", name = "Trondheim" }, Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("Trondheim", await _hub.QueryAsync(db => Task.FromResult(db.Cities.Single().Name)));
    }

    [Fact]
    public async Task A_bad_city_id_and_a_private_key_are_400_naming_each()
    {
        using var response = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "Trondheim", name = "Trondheim", jwk = JsonNode.Parse(_trondheim.Keys.ToPrivateJwk()) }, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
        Assert.Contains("private key", problem.GetProperty("errors").GetProperty("jwk")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _hub.QueryAsync(db => Task.FromResult(db.Cities.Count())));
    }

    [Fact]
    public async Task Rotation_old_and_new_key_both_sign_until_the_old_one_is_revoked()
    {
        await _hub.RegisterAsync(_trondheim);
        using var next = CityKeyPair.Generate();
        using var node = await _hub.CreateNodeClientAsync("NO-5001");

        using var added = await _coordinator.PostAsJsonAsync("/api/cities/NO-5001/keys", new { jwk = Jwk(next) }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, _trondheim.Snapshot().ForPeriod(2019).Sign()));
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, _trondheim.Snapshot().ForPeriod(2020).SignWith(next)));

        using var revoked = await _coordinator.PostAsync($"/api/cities/NO-5001/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        // Revoking a key revokes the node's tokens too: it asks for a new one (as a node does on a 401).
        Assert.Equal(HttpStatusCode.Unauthorized, await PublishAsync(node, _trondheim.Snapshot().ForPeriod(2021).SignWith(next)));
        using var renewed = await _hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.BadRequest, await PublishAsync(renewed, _trondheim.Snapshot().ForPeriod(2021).Sign()));
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(renewed, _trondheim.Snapshot().ForPeriod(2021).SignWith(next)));

        var keys = await _coordinator.GetFromJsonAsync<JsonElement>("/api/cities/NO-5001/keys", Ct);
        Assert.Equal([(_trondheim.Keys.KeyId, "revoked"), (next.KeyId, "active")],
            keys.EnumerateArray().Select(k => (k.GetProperty("keyId").GetString(), k.GetProperty("state").GetString())));
    }

    [Fact]
    public async Task Revoking_twice_keeps_the_first_revocation_time()
    {
        await _hub.RegisterAsync(_trondheim);

        using var first = await _coordinator.PostAsync($"/api/cities/NO-5001/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);
        var stored = (await _coordinator.GetFromJsonAsync<JsonElement>("/api/cities/NO-5001/keys", Ct))[0].GetProperty("revokedAt").GetDateTimeOffset();
        using var again = await _coordinator.PostAsync($"/api/cities/NO-5001/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(stored, (await JsonAsync(again)).GetProperty("revokedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Another_citys_key_is_a_409_and_an_unknown_city_or_key_a_404()
    {
        await _hub.RegisterAsync(_trondheim);
        using var bergen = TestCity.Bergen();
        await _hub.RegisterAsync(bergen);

        using var taken = await _coordinator.PostAsJsonAsync("/api/cities/NO-4601/keys", new { jwk = Jwk(_trondheim.Keys) }, Ct);
        using var unknownCity = await _coordinator.PostAsJsonAsync("/api/cities/SE-0180/keys", new { jwk = Jwk(_trondheim.Keys) }, Ct);
        using var othersKey = await _coordinator.PostAsync($"/api/cities/NO-4601/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);

        await Problems.AssertProblemAsync(taken, HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(unknownCity, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(othersKey, HttpStatusCode.NotFound);
    }

    private static JsonNode Jwk(CityKeyPair keys) => JsonNode.Parse(keys.PublicJwk.ToJson())!;

    private static async Task<HttpStatusCode> PublishAsync(HttpClient client, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        using var response = await client.PostAsync("/api/snapshots", content, Ct);
        return response.StatusCode;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
