using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Enrollment;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Verifiers;

/// <summary>A verifier asks to join with its key at the enrollment door cities use; a coordinator approves; it gets its client.</summary>
public sealed class VerifierEnrollmentTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestVerifier _verifier = new();
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
        _verifier.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task An_approved_verifier_gets_a_client_whose_tokens_carry_the_verify_scope_and_its_verifier()
    {
        using var submitted = await TestVerifier.SubmitAsync(_anonymous, _verifier.EnrollmentRequest());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var receipt = await TestVerifier.JsonAsync(submitted);
        Assert.Equal(("verifier", "pending", "demo-verifier", JsonValueKind.Null),
            (receipt.GetProperty("kind").GetString(), receipt.GetProperty("status").GetString(), receipt.GetProperty("verifierId").GetString(), receipt.GetProperty("cityId").ValueKind));

        var pending = await _coordinator.GetFromJsonAsync<JsonElement>("/api/enrollments?status=pending&kind=verifier", Ct);
        var listed = Assert.Single(pending.EnumerateArray());
        Assert.Equal(("demo-verifier", "Demo Verifier (not an accredited U4SSC verifier)", _verifier.Keys.PublicJwk.Thumbprint(), "verification@example.org"),
            (listed.GetProperty("verifierId").GetString(), listed.GetProperty("organisation").GetString(), listed.GetProperty("keyId").GetString(), listed.GetProperty("contact").GetString()));
        Assert.Empty((await _coordinator.GetFromJsonAsync<JsonElement>("/api/enrollments?kind=city", Ct)).EnumerateArray());

        using var approved = await _coordinator.PostAsync($"/api/enrollments/{receipt.GetProperty("enrollmentId").GetGuid()}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await TestVerifier.JsonAsync(approved);
        Assert.Equal(("verifier-demo-verifier", true, false), (approval.GetProperty("clientId").GetString(), approval.GetProperty("newVerifier").GetBoolean(), approval.GetProperty("newCity").GetBoolean()));
        Assert.Equal(["snapshots:verify"], approval.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var (verifier, key) = await _hub.QueryAsync(async db => (await db.Verifiers.SingleAsync(Ct), await db.VerifierKeys.SingleAsync(Ct)));
        Assert.Equal(("demo-verifier", "Demo Verifier (not an accredited U4SSC verifier)", "verification@example.org"), (verifier.Id, verifier.Name, verifier.Contact));
        Assert.Equal(("demo-verifier", _verifier.Keys.PublicJwk.Thumbprint(), (DateTimeOffset?)null), (key.VerifierId, key.KeyId, key.RevokedAt));
        Assert.Equal(0, await _hub.QueryAsync(db => db.Cities.CountAsync(Ct)));

        using var client = _hub.CreateClient();
        var token = TestTokens.Claims(await TestTokens.RequestAsync(client, "verifier-demo-verifier", approval.GetProperty("clientSecret").GetString()!, ct: Ct));
        Assert.Equal(("demo-verifier", "snapshots:verify", "verifier-demo-verifier"),
            (token.GetProperty("verifier").GetString(), token.GetProperty("scope").GetString(), token.GetProperty("sub").GetString()));
        Assert.False(token.TryGetProperty("city", out _));
    }

    [Fact]
    public async Task A_verifier_may_not_ask_for_scopes_beyond_verify()
    {
        await _verifier.EnrollAsync(_hub, _coordinator);
        using var client = _hub.CreateClient();

        using var response = await TestTokens.PostAsync(client, _verifier.ClientId, _verifier.ClientSecret!, "network:read", Ct);

        // OpenIddict answers a scope the client is not permitted with invalid_request.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await TestVerifier.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_request_that_is_not_validly_signed_is_400_naming_every_field_and_nothing_is_kept()
    {
        using var other = TestCity.Bergen();
        var parts = _verifier.EnrollmentRequest().Split('.');

        using var response = await TestVerifier.SubmitAsync(_anonymous, RawJws.SignParts(parts[0], parts[1], other.Keys.Key));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["signature"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(0, await _hub.QueryAsync(db => db.Enrollments.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_bad_verifier_id_is_named()
    {
        using var invalid = new TestVerifier("Demo Verifier");

        using var response = await TestVerifier.SubmitAsync(_anonymous, invalid.EnrollmentRequest());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["$.verifierId"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_citys_key_is_not_enrolled_as_a_verifiers()
    {
        using var trondheim = await _hub.RegisterAsync(TestCity.Trondheim());

        using var response = await TestVerifier.SubmitAsync(_anonymous, _verifier.EnrollmentRequest(trondheim.Keys));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("registered to NO-5001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifiers_key_is_not_enrolled_nor_registered_as_a_citys()
    {
        await _verifier.EnrollAsync(_hub, _coordinator);
        var asCity = new EnrollmentRequest("NO-5001", "Trondheim", _verifier.Keys.PublicJwk, null, DateTimeOffset.UtcNow).Sign(_verifier.Keys);

        using var enrolled = await TestVerifier.SubmitAsync(_anonymous, asCity);
        using var registered = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "NO-5001", name = "Trondheim", jwk = JsonDocument.Parse(_verifier.Keys.PublicJwk.ToJson()).RootElement }, Ct);

        var problem = await Problems.AssertProblemAsync(enrolled, HttpStatusCode.Conflict);
        Assert.Contains("registered to the verifier demo-verifier", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.AssertProblemAsync(registered, HttpStatusCode.Conflict);
        Assert.Equal(0, await _hub.QueryAsync(db => db.CityKeys.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_key_registered_to_a_city_while_the_request_waited_makes_it_undecidable()
    {
        using var submitted = await TestVerifier.SubmitAsync(_anonymous, _verifier.EnrollmentRequest());
        var id = (await TestVerifier.JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();
        using var city = await _coordinator.PostAsJsonAsync("/api/cities", new { id = "NO-5001", name = "Trondheim", jwk = JsonDocument.Parse(_verifier.Keys.PublicJwk.ToJson()).RootElement }, Ct);
        Assert.Equal(HttpStatusCode.Created, city.StatusCode);

        using var approved = await _coordinator.PostAsync($"/api/enrollments/{id}/approve", null, Ct);

        await Problems.AssertProblemAsync(approved, HttpStatusCode.Conflict);
        Assert.Equal(0, await _hub.QueryAsync(db => db.Verifiers.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_verifier_enrolling_again_with_a_new_key_keeps_its_name_and_gets_a_new_secret()
    {
        await _verifier.EnrollAsync(_hub, _coordinator);
        var first = _verifier.ClientSecret;
        using var renamed = new TestVerifier("demo-verifier", "Another name");

        var approval = await renamed.EnrollAsync(_hub, _coordinator);

        Assert.False(approval.GetProperty("newVerifier").GetBoolean());
        Assert.True(approval.GetProperty("secretReplaced").GetBoolean());
        Assert.NotEqual(first, renamed.ClientSecret);
        Assert.Equal("Demo Verifier (not an accredited U4SSC verifier)", await _hub.QueryAsync(db => db.Verifiers.Select(v => v.Name).SingleAsync(Ct)));
        Assert.Equal(2, await _hub.QueryAsync(db => db.VerifierKeys.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_unknown_kind_filter_is_400()
    {
        using var response = await _coordinator.GetAsync("/api/enrollments?kind=1", Ct);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("city or verifier", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
