using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Signing;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// A client's access tokens live no longer than the client as it was when they were issued: a new secret, removing
/// the client and revoking its city's key refuse them from the next request, while a token asked for afterwards works.
/// Expired and revoked token rows are pruned.
/// </summary>
public sealed class ClientTokenLifetimeTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_token_issued_before_a_new_secret_is_refused_at_once_and_a_token_of_the_new_secret_works()
    {
        using var before = await _hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(before, 2019));

        var rotated = await _hub.AddNodeClientAsync("NO-5001");
        using var after = await _hub.CreateClientAsync(rotated);

        var refused = await PublishResponseAsync(before, 2020);
        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(after, 2020));
    }

    [Fact]
    public async Task A_removed_clients_token_is_refused_at_once_and_it_gets_no_new_one()
    {
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, 2019));

        Assert.True(await _hub.WithServicesAsync(s => s.GetRequiredService<ClientRegistry>().RemoveAsync("node-NO-5001", Ct)));

        var problem = await Problems.AssertProblemAsync(await PublishResponseAsync(node, 2020), HttpStatusCode.Unauthorized);
        Assert.Contains("removed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var client = _hub.CreateClient();
        using var token = await TestTokens.PostAsync(client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_citys_key_refuses_its_nodes_tokens_at_once()
    {
        using var coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        using var next = CityKeyPair.Generate();
        await _hub.WithServicesAsync(s => s.GetRequiredService<Network.Hub.Keys.KeyRegistry>().RegisterKeyAsync("NO-5001", next.PublicJwk, next.KeyId, DateTimeOffset.UnixEpoch, Ct));
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, 2019));

        using var revoked = await coordinator.PostAsync($"/api/cities/NO-5001/keys/{_trondheim.Keys.KeyId}/revoke", null, Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await PublishAsync(node, 2020));
        // The coordinator's own token is untouched, and the node's secret still gets it a new token for its new key.
        using var keys = await coordinator.GetAsync("/api/cities/NO-5001/keys", Ct);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        using var renewed = await _hub.CreateNodeClientAsync("NO-5001");
        using var content = new StringContent(_trondheim.Snapshot().ForPeriod(2020).SignWith(next), Encoding.ASCII, "application/jose");
        using var published = await renewed.PostAsync("/api/snapshots", content, Ct);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
    }

    // A change made elsewhere (another hub instance, the admin commands: here the client row deleted directly) is not
    // seen until this hub's entry for the client is older than Network:Identity:ClientStampCacheLifetime: requests in
    // between read no client row. With a lifetime of zero every request reads it, and the token is refused at once.
    [Theory]
    [InlineData("01:00:00", HttpStatusCode.Accepted)]
    [InlineData("00:00:00", HttpStatusCode.Unauthorized)]
    public async Task A_change_made_elsewhere_is_seen_after_the_cache_lifetime(string lifetime, HttpStatusCode expected)
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Network:Identity:ClientStampCacheLifetime"] = lifetime });
        await hub.RegisterAsync(_trondheim);
        using var node = await hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, 2019));

        await hub.WithServicesAsync(async services =>
        {
            var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.DeleteAsync((await applications.FindByClientIdAsync("node-NO-5001", Ct))!, Ct);
        });

        Assert.Equal(expected, await PublishAsync(node, 2020));
    }

    [Fact]
    public async Task Pruning_deletes_expired_and_revoked_token_rows_and_keeps_valid_ones()
    {
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        var now = DateTimeOffset.UtcNow;
        await _hub.WithServicesAsync(async services =>
        {
            var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
            var application = await services.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync("node-NO-5001", Ct);
            var applicationId = await services.GetRequiredService<IOpenIddictApplicationManager>().GetIdAsync(application!, Ct);
            foreach (var (status, created) in new[] { (Statuses.Valid, now.AddDays(-3)), (Statuses.Revoked, now.AddDays(-2)) })
            {
                await tokens.CreateAsync(new OpenIddictTokenDescriptor
                {
                    ApplicationId = applicationId,
                    CreationDate = created,
                    ExpirationDate = created.AddHours(1),
                    Status = status,
                    Subject = "node-NO-5001",
                    Type = TokenTypeHints.AccessToken,
                }, Ct);
            }
        });
        Assert.Equal(3, await CountTokenRowsAsync());

        var (pruned, _) = await _hub.Services.GetRequiredService<TokenPruning>().PruneOnceAsync(Ct);

        Assert.Equal(2, pruned);
        Assert.Equal(1, await CountTokenRowsAsync());
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, 2019));
    }

    private Task<long> CountTokenRowsAsync() =>
        _hub.WithServicesAsync(s => s.GetRequiredService<IOpenIddictTokenManager>().CountAsync(Ct).AsTask());

    private async Task<HttpStatusCode> PublishAsync(HttpClient client, int period)
    {
        using var response = await PublishResponseAsync(client, period);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> PublishResponseAsync(HttpClient client, int period)
    {
        using var content = new StringContent(_trondheim.Snapshot().ForPeriod(period).Sign(), Encoding.ASCII, "application/jose");
        return await client.PostAsync("/api/snapshots", content, Ct);
    }
}
