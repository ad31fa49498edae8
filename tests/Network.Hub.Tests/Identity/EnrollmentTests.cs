using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Network.Contracts.Enrollment;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>A node asks to join with its key; a coordinator approves or rejects; the approved node publishes.</summary>
public sealed class EnrollmentTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _anonymous = null!;
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _anonymous = _hub.CreateClient();
        _coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        _coordinator.Dispose();
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task An_enrolled_node_publishes_until_its_key_is_revoked_and_what_it_published_before_stays_valid()
    {
        // The node asks (anonymous), the coordinator sees the request and approves it.
        using var submitted = await EnrollAsync(Request(_trondheim));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var receipt = await JsonAsync(submitted);
        var id = receipt.GetProperty("enrollmentId").GetGuid();
        Assert.Equal("pending", receipt.GetProperty("status").GetString());
        Assert.Equal($"/api/enrollments/{id}", submitted.Headers.Location?.OriginalString);

        var pending = await _coordinator.GetFromJsonAsync<JsonElement>("/api/enrollments?status=pending", Ct);
        var listed = Assert.Single(pending.EnumerateArray());
        Assert.Equal(("NO-5001", "Trondheim", _trondheim.Keys.KeyId, "analyst@trondheim.kommune.no"),
            (listed.GetProperty("cityId").GetString(), listed.GetProperty("cityName").GetString(), listed.GetProperty("keyId").GetString(), listed.GetProperty("contact").GetString()));

        using var approved = await _coordinator.PostAsync($"/api/enrollments/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await JsonAsync(approved);
        Assert.Equal("node-NO-5001", approval.GetProperty("clientId").GetString());
        Assert.True(approval.GetProperty("newCity").GetBoolean());
        Assert.Equal(["snapshots:publish", "network:read"], approval.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var secret = approval.GetProperty("clientSecret").GetString()!;

        // The node publishes with its new client.
        using var node = _hub.CreateClient();
        node.WithToken(await TestTokens.RequestAsync(node, "node-NO-5001", secret, ct: Ct));
        var first = _trondheim.Snapshot().Build();
        using var accepted = await PublishAsync(node, _trondheim.Keys.CreateSigner().Sign(first));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // The coordinator revokes the key: the node's token is revoked with it, and with a new one the next snapshot
        // is refused with the verifier's reason.
        using var revoked = await _coordinator.PostAsync($"/api/cities/NO-5001/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await JsonAsync(revoked)).GetProperty("state").GetString());
        using var unauthorized = await PublishAsync(node, _trondheim.Snapshot().ForPeriod(2021).Sign());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        node.WithToken(await TestTokens.RequestAsync(node, "node-NO-5001", secret, ct: Ct));
        using var refused = await PublishAsync(node, _trondheim.Snapshot().ForPeriod(2021).Sign());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var reason = Assert.Single((await JsonAsync(refused)).GetProperty("errors").EnumerateArray());
        Assert.Equal(("KeyRevoked", "header.kid"), (reason.GetProperty("reason").GetString(), reason.GetProperty("field").GetString()));

        // What it published before stays stored and valid, and says its key was revoked since.
        var stored = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/snapshots/{first.SnapshotId}", Ct);
        Assert.True(stored.TryGetProperty("keyRevokedAt", out var revokedAt) && revokedAt.ValueKind == JsonValueKind.String);
        Assert.Contains("which was revoked on", stored.GetProperty("signature").GetString(), StringComparison.Ordinal);
        Assert.Contains("stays valid", stored.GetProperty("signature").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _hub.QueryAsync(db => Task.FromResult(db.Snapshots.Count())));
    }

    [Fact]
    public async Task A_snapshot_of_a_key_not_revoked_says_so()
    {
        await _hub.RegisterAsync(_trondheim);
        var snapshot = _trondheim.Snapshot().Build();
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        using var _ = await PublishAsync(node, _trondheim.Keys.CreateSigner().Sign(snapshot));

        var stored = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/snapshots/{snapshot.SnapshotId}", Ct);

        Assert.Equal(JsonValueKind.Null, stored.GetProperty("keyRevokedAt").ValueKind);
        Assert.Equal($"Signed with key {_trondheim.Keys.KeyId}, registered to NO-5001 and not revoked.", stored.GetProperty("signature").GetString());
    }

    [Fact]
    public async Task A_request_that_is_not_validly_signed_is_400_naming_every_field_and_nothing_is_kept()
    {
        using var other = TestCity.Bergen();
        var parts = Request(_trondheim).Split('.');
        var resigned = RawJws.SignParts(parts[0], parts[1], other.Keys.Key);

        using var response = await EnrollAsync(resigned);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["signature"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(0, await _hub.QueryAsync(db => Task.FromResult(db.Enrollments.Count())));
    }

    [Fact]
    public async Task The_same_key_asking_again_gets_its_pending_request_back()
    {
        using var first = await EnrollAsync(Request(_trondheim));
        using var again = await EnrollAsync(Request(_trondheim));

        var (one, two) = (await JsonAsync(first), await JsonAsync(again));
        Assert.Equal(one.GetProperty("enrollmentId").GetGuid(), two.GetProperty("enrollmentId").GetGuid());
        Assert.True(two.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task A_registered_key_is_not_enrolled_again()
    {
        await _hub.RegisterAsync(_trondheim);

        using var response = await EnrollAsync(Request(_trondheim));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_rejected_request_registers_nothing_and_cannot_be_approved_afterwards()
    {
        using var submitted = await EnrollAsync(Request(_trondheim));
        var id = (await JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();

        using var rejected = await _coordinator.PostAsJsonAsync($"/api/enrollments/{id}/reject", new { reason = "Nobody at Trondheim kommune sent this." }, Ct);
        using var approved = await _coordinator.PostAsync($"/api/enrollments/{id}/approve", null, Ct);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var view = await JsonAsync(rejected);
        Assert.Equal(("rejected", "Nobody at Trondheim kommune sent this.", "coordinator-secretariat"),
            (view.GetProperty("status").GetString(), view.GetProperty("reason").GetString(), view.GetProperty("decidedBy").GetString()));
        await Problems.AssertProblemAsync(approved, HttpStatusCode.Conflict);
        Assert.Equal(0, await _hub.QueryAsync(db => Task.FromResult(db.Cities.Count() + db.CityKeys.Count())));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason()
    {
        using var submitted = await EnrollAsync(Request(_trondheim));
        var id = (await JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();

        using var response = await _coordinator.PostAsJsonAsync($"/api/enrollments/{id}/reject", new { reason = " " }, Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approving_a_new_key_of_a_member_city_keeps_its_name_and_gives_the_node_a_new_secret()
    {
        await _hub.RegisterAsync(_trondheim);
        using var reinstalled = new TestCity("NO-5001", "Trondheim kommune (new server)");
        using var submitted = await EnrollAsync(Request(reinstalled));
        var id = (await JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();

        using var approved = await _coordinator.PostAsync($"/api/enrollments/{id}/approve", null, Ct);

        var approval = await JsonAsync(approved);
        Assert.False(approval.GetProperty("newCity").GetBoolean());
        Assert.True(approval.GetProperty("secretReplaced").GetBoolean());
        Assert.Equal("Trondheim", await _hub.QueryAsync(db => Task.FromResult(db.Cities.Single().Name)));
        Assert.Equal(2, await _hub.QueryAsync(db => Task.FromResult(db.CityKeys.Count(k => k.CityId == "NO-5001"))));
    }

    [Fact]
    public async Task An_unknown_enrollment_is_404()
    {
        using var response = await _coordinator.PostAsync($"/api/enrollments/{Guid.NewGuid()}/approve", null, Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_400()
    {
        using var response = await _coordinator.GetAsync("/api/enrollments?status=maybe", Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static string Request(TestCity city) =>
        new EnrollmentRequest(city.CityId, city.Name, city.Keys.PublicJwk, "analyst@trondheim.kommune.no", DateTimeOffset.UtcNow).Sign(city.Keys);

    private async Task<HttpResponseMessage> EnrollAsync(string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        return await _anonymous.PostAsync("/api/enrollments", content, Ct);
    }

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        return await client.PostAsync("/api/snapshots", content, Ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
