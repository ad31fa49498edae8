using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Signing;
using Network.Hub.Keys;
using Network.Hub.Verifiers;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Verifiers;

/// <summary>
/// The verifiers as anyone sees them (who they are, whom they attest, their keys) and as a coordinator manages them:
/// keys rotated and revoked, assignments made and ended.
/// </summary>
public sealed class VerifiersApiTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestVerifier _verifier = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private HttpClient _anonymous = null!;
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _anonymous = _hub.CreateClient();
        _coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
        await _verifier.EnrollAsync(_hub, _coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        _coordinator.Dispose();
        _verifier.Dispose();
        _trondheim.Dispose();
        _bergen.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Anyone_sees_the_verifiers_the_cities_each_is_assigned_to_and_its_key_ids()
    {
        using var assigned = await AssignAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);

        var verifier = Assert.Single((await _anonymous.GetFromJsonAsync<JsonElement>("/api/verifiers", Ct)).EnumerateArray());

        Assert.Equal(("demo-verifier", "Demo Verifier (not an accredited U4SSC verifier)"), (verifier.GetProperty("id").GetString(), verifier.GetProperty("name").GetString()));
        Assert.Equal(["NO-5001"], verifier.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([_verifier.Keys.PublicJwk.Thumbprint()], verifier.GetProperty("keyIds").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_assignment_ends_and_stays_in_the_record_with_its_end()
    {
        using (var assigned = await AssignAsync("NO-5001"))
        using (var again = await AssignAsync("NO-5001"))
        {
            var view = await TestVerifier.JsonAsync(assigned);
            Assert.Equal(("demo-verifier", "NO-5001", "coordinator-secretariat"), (view.GetProperty("verifierId").GetString(), view.GetProperty("cityId").GetString(), view.GetProperty("assignedBy").GetString()));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // it held already: nothing changes
        }

        Assert.True(await IsAssignedAsync("NO-5001"));

        using var ended = await _coordinator.DeleteAsync("/api/verifiers/demo-verifier/assignments/NO-5001", Ct);
        using var endedAgain = await _coordinator.DeleteAsync("/api/verifiers/demo-verifier/assignments/NO-5001", Ct);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(JsonValueKind.String, (await TestVerifier.JsonAsync(ended)).GetProperty("endedAt").ValueKind);
        await Problems.AssertProblemAsync(endedAgain, HttpStatusCode.NotFound);
        Assert.False(await IsAssignedAsync("NO-5001"));
        var row = await _hub.QueryAsync(db => db.VerifierAssignments.SingleAsync(Ct));
        Assert.Equal(("coordinator-secretariat", true), (row.EndedBy, row.EndedAt is not null));
        var listed = Assert.Single((await _anonymous.GetFromJsonAsync<JsonElement>("/api/verifiers", Ct)).EnumerateArray());
        Assert.Empty(listed.GetProperty("cities").EnumerateArray());

        using var reassigned = await AssignAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Created, reassigned.StatusCode);
        Assert.Equal(2, await _hub.QueryAsync(db => db.VerifierAssignments.CountAsync(Ct)));
    }

    [Fact]
    public async Task Assignment_is_per_city()
    {
        using var _ = await AssignAsync("NO-5001");

        Assert.True(await IsAssignedAsync("NO-5001"));
        Assert.False(await IsAssignedAsync("NO-4601"));
    }

    [Theory]
    [InlineData("{}", "cityId")]
    [InlineData("""{"cityId":"Trondheim"}""", "cityId")]
    public async Task An_assignment_without_a_city_id_is_400_naming_the_field(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _coordinator.PostAsync("/api/verifiers/demo-verifier/assignments", content, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_assignment_to_an_unknown_city_or_of_an_unknown_verifier_is_404()
    {
        using var city = await AssignAsync("SE-0180");
        using var verifier = await _coordinator.PostAsJsonAsync("/api/verifiers/no-such-verifier/assignments", new { cityId = "NO-5001" }, Ct);

        await Problems.AssertProblemAsync(city, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(verifier, HttpStatusCode.NotFound);
        Assert.Equal(0, await _hub.QueryAsync(db => db.VerifierAssignments.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_rotated_and_revoked_key_shows_in_the_verifiers_jwk_set_with_its_revocation_time()
    {
        using var next = CityKeyPair.Generate();
        using var added = await _coordinator.PostAsJsonAsync("/api/verifiers/demo-verifier/keys", new { jwk = Jwk(next) }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("active", (await TestVerifier.JsonAsync(added)).GetProperty("state").GetString());
        var old = _verifier.Keys.PublicJwk.Thumbprint();

        using var revoked = await _coordinator.PostAsync($"/api/verifiers/demo-verifier/keys/{old}/revoke", null, Ct);

        Assert.Equal("revoked", (await TestVerifier.JsonAsync(revoked)).GetProperty("state").GetString());
        using var response = await _anonymous.GetAsync("/api/verifiers/demo-verifier/jwks", Ct);
        Assert.Equal(PublicKeysApi.MediaType, response.Content.Headers.ContentType?.MediaType);
        var keys = (await TestVerifier.JsonAsync(response)).GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("kid").GetString()!);
        Assert.Equal([old, next.PublicJwk.Thumbprint()], keys.Keys);
        Assert.True(keys[old].TryGetProperty("revokedAt", out var revokedAt) && revokedAt.GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.False(keys[next.PublicJwk.Thumbprint()].TryGetProperty("revokedAt", out _));
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (keys[old].GetProperty("kty").GetString(), keys[old].GetProperty("crv").GetString(), keys[old].GetProperty("alg").GetString(), keys[old].GetProperty("use").GetString()));
        Assert.Equal(_verifier.Keys.PublicJwk, EcPublicJwk.Parse(JsonSerializer.Serialize(new { kty = "EC", crv = "P-256", x = keys[old].GetProperty("x").GetString(), y = keys[old].GetProperty("y").GetString() })));
        var coordinatorView = await _coordinator.GetFromJsonAsync<JsonElement>("/api/verifiers/demo-verifier/keys", Ct);
        Assert.Equal(["revoked", "active"], coordinatorView.EnumerateArray().Select(k => k.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_citys_key_is_not_added_to_a_verifier()
    {
        using var response = await _coordinator.PostAsJsonAsync("/api/verifiers/demo-verifier/keys", new { jwk = Jwk(_trondheim.Keys) }, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("registered to NO-5001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_no_public_p256_key_is_400_naming_the_jwk()
    {
        using var response = await _coordinator.PostAsJsonAsync("/api/verifiers/demo-verifier/keys", new { jwk = JsonDocument.Parse(_verifier.Keys.ToPrivateJwk()).RootElement }, Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("leaked", problem.GetProperty("errors").GetProperty("jwk")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_verifiers_and_keys_are_404()
    {
        using var jwks = await _anonymous.GetAsync("/api/verifiers/no-such-verifier/jwks", Ct);
        using var keys = await _coordinator.GetAsync("/api/verifiers/no-such-verifier/keys", Ct);
        using var revoke = await _coordinator.PostAsync("/api/verifiers/demo-verifier/keys/no-such-key/revoke", null, Ct);
        using var citysKey = await _coordinator.PostAsync($"/api/verifiers/demo-verifier/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);

        await Problems.AssertProblemAsync(jwks, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(keys, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(revoke, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(citysKey, HttpStatusCode.NotFound);
        var trondheimsKey = _trondheim.Keys.KeyId;
        Assert.Null(await _hub.QueryAsync(db => db.CityKeys.Where(k => k.KeyId == trondheimsKey).Select(k => k.RevokedAt).SingleAsync(Ct)));
    }

    private Task<HttpResponseMessage> AssignAsync(string cityId) =>
        _coordinator.PostAsJsonAsync("/api/verifiers/demo-verifier/assignments", new { cityId }, Ct);

    private Task<bool> IsAssignedAsync(string cityId) =>
        _hub.WithServicesAsync(s => s.GetRequiredService<VerifierRegistry>().IsAssignedAsync("demo-verifier", cityId, Ct));

    private static JsonElement Jwk(CityKeyPair key) => JsonDocument.Parse(key.PublicJwk.ToJson()).RootElement.Clone();
}
