using System.Net;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>Who may POST /api/snapshots: a node's token with snapshots:publish, for its own city only.</summary>
public sealed class PublishAccessTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
    }

    public async ValueTask DisposeAsync()
    {
        _trondheim.Dispose();
        _bergen.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_token_is_401_problem_details_saying_how_to_get_one()
    {
        using var client = _hub.CreateClient();

        using var response = await PostAsync(client, _trondheim.Snapshot().Sign());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("/connect/token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _hub.QueryAsync(db => Task.FromResult(db.Snapshots.Count())));
    }

    [Fact]
    public async Task A_token_without_the_publish_scope_is_403_naming_the_scope()
    {
        using var client = await _hub.CreateNodeClientAsync("NO-5001");
        var readOnly = await TestTokens.RequestAsync(client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), Scopes.Read, Ct);
        client.WithToken(readOnly);

        using var response = await PostAsync(client, _trondheim.Snapshot().Sign());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{Scopes.Publish}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Scopes.Publish, problem.GetProperty("requiredScopes")[0].GetString());
    }

    [Fact]
    public async Task Bergens_token_cannot_publish_for_Trondheim_whatever_the_signature()
    {
        using var bergen = await _hub.CreateNodeClientAsync("NO-4601");

        // Trondheim's genuine, validly signed snapshot, sent by Bergen's node.
        using var response = await PostAsync(bergen, _trondheim.Snapshot().Sign());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("NotTheSendersCity", 70, "$.cityId"), (error.GetProperty("reason").GetString(), error.GetProperty("code").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Contains("NO-5001", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("NO-4601", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("NO-4601", problem.GetProperty("tokenCity").GetString());
        Assert.Equal(0, await _hub.QueryAsync(db => Task.FromResult(db.Snapshots.Count() + db.RejectedSubmissions.Count())));
    }

    [Fact]
    public async Task Trondheims_token_publishes_Trondheims_snapshot()
    {
        using var trondheim = await _hub.CreateNodeClientAsync("NO-5001");

        using var response = await PostAsync(trondheim, _trondheim.Snapshot().Sign());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_token_with_the_publish_scope_still_publishes_for_no_city()
    {
        var coordinator = await _hub.AddCoordinatorClientAsync("Secretariat", [Scopes.Coordinate, Scopes.Publish]);
        using var client = await _hub.CreateClientAsync(coordinator);

        using var response = await PostAsync(client, _trondheim.Snapshot().Sign());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("no city's node", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("NotTheSendersCity", 70), (error.GetProperty("reason").GetString(), error.GetProperty("code").GetInt32()));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string jws)
    {
        using var content = new StringContent(jws, System.Text.Encoding.ASCII, "application/jose");
        return await client.PostAsync("/api/snapshots", content, Ct);
    }
}
