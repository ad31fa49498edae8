using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Network.Contracts.Enrollment;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>The coordinator's enrollments desk over HTTP: the waiting requests, approve and reject through the same service as the API.</summary>
public sealed partial class EnrollmentsDeskTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _coordinator = await _hub.CreateSignedInClientAsync(Coordinator, email: "cora@network.example");

    public async ValueTask DisposeAsync()
    {
        _coordinator.Dispose();
        _trondheim.Dispose();
        _bergen.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_approves_a_waiting_request_and_the_node_publishes_with_the_secret_shown_once()
    {
        var id = await EnrollAsync(_trondheim);
        var desk = await _coordinator.GetStringAsync(new Uri("/desk/enrollments", UriKind.Relative), Ct);
        Assert.Contains("Trondheim (NO-5001), a city&#x27;s node", desk, StringComparison.Ordinal);
        Assert.Contains(_trondheim.Keys.KeyId, desk, StringComparison.Ordinal);

        using var approved = await PostFormAsync(_coordinator, $"/desk/enrollments/{id}", "approve", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var html = await approved.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Approved: Trondheim (NO-5001), a city&#x27;s node is a new member", html, StringComparison.Ordinal);
        var secret = Secret().Match(html).Groups[1].Value;
        using var node = _hub.CreateClient();
        node.WithToken(await TestTokens.RequestAsync(node, "node-NO-5001", secret, ct: Ct));
        using var content = new StringContent(_trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");
        using var published = await node.PostAsync(new Uri("/api/snapshots", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);

        // Decided by this person, as the API would record a client; deciding again is answered by the service, in words.
        var record = await _hub.QueryAsync(db => db.Enrollments.FindAsync([id], Ct).AsTask());
        Assert.Equal("person:cora@network.example", record!.DecidedBy);
        using var again = await PostFormAsync(_coordinator, $"/desk/enrollments/{id}", "approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("only a pending request can be decided", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_is_kept_with_it()
    {
        var id = await EnrollAsync(_bergen);

        using var noReason = await PostFormAsync(_coordinator, $"/desk/enrollments/{id}", "reject", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Say why the request is rejected", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var rejected = await PostFormAsync(_coordinator, $"/desk/enrollments/{id}", "reject", new Dictionary<string, string> { ["Reason"] = "Nobody at Bergen knows this key." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains("Rejected: Bergen (NO-4601), a city&#x27;s node, with the reason", await rejected.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var coordinatorApi = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        var view = await coordinatorApi.GetFromJsonAsync<JsonElement>($"/api/enrollments/{id}", Ct);
        Assert.Equal(("rejected", "Nobody at Bergen knows this key."), (view.GetProperty("status").GetString(), view.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_decision_without_the_antiforgery_token_is_refused()
    {
        var id = await EnrollAsync(_trondheim);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "approve" });

        using var refused = await _coordinator.PostAsync(new Uri($"/desk/enrollments/{id}", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("pending", (await _hub.QueryAsync(db => db.Enrollments.FindAsync([id], Ct).AsTask()))!.Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task An_unknown_request_is_a_404_page_in_words()
    {
        using var unknown = await _coordinator.GetAsync(new Uri($"/desk/enrollments/{Guid.Empty}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("There is no enrollment request with the id", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Submits <paramref name="city"/>'s signed enrollment request, anonymously, as its node does; returns its id.</summary>
    internal static async Task<Guid> EnrollAsync(HubFactory hub, TestCity city)
    {
        using var anonymous = hub.CreateClient();
        using var content = new StringContent(
            new EnrollmentRequest(city.CityId, city.Name, city.Keys.PublicJwk, "it@" + city.Name.ToLowerInvariant() + ".kommune.no", DateTimeOffset.UtcNow).Sign(city.Keys),
            Encoding.ASCII, "application/jose");
        using var submitted = await anonymous.PostAsync(new Uri("/api/enrollments", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("enrollmentId").GetGuid();
    }

    private Task<Guid> EnrollAsync(TestCity city) => EnrollAsync(_hub, city);

    [GeneratedRegex("<dt>Client secret</dt><dd><code class=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
