using System.Net;
using System.Text.Json;
using Network.Hub.Hosting;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// The issuer of the hub's tokens and discovery document is configured (production) or the address the hub listens on
/// (the embedded default, Development, Testing), never the Host header a caller sends.
/// </summary>
public sealed class IssuerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forged_host_header_changes_neither_the_discovery_document_nor_the_tokens_issuer()
    {
        await using var hub = new HubFactory();
        using var trondheim = TestCity.Trondheim();
        await hub.RegisterAsync(trondheim);
        using var client = hub.CreateClient();

        var discovery = await DiscoveryAsync(client, "evil.example");
        using var token = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "node-NO-5001",
                ["client_secret"] = TestTokens.NodeSecret("NO-5001"),
            }),
        };
        token.Headers.Host = "evil.example";
        using var issued = await client.SendAsync(token, Ct);
        var accessToken = JsonDocument.Parse(await issued.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("access_token").GetString()!;

        // The Testing environment listens where appsettings.json says: http://localhost:5080.
        Assert.Equal("http://localhost:5080/", discovery.GetProperty("issuer").GetString());
        Assert.StartsWith("http://localhost:5080/", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://localhost:5080/", TestTokens.Claims(accessToken).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task A_configured_issuer_is_the_issuer_whatever_the_host_header()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Network:Identity:Issuer"] = "https://hub.example.org/" });
        using var client = hub.CreateClient();

        var discovery = await DiscoveryAsync(client, "evil.example");

        Assert.Equal("https://hub.example.org/", discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public void A_production_hub_without_an_issuer_refuses_to_start_naming_the_setting()
    {
        var production = ProductionHub.Builder(new Dictionary<string, string?>
        {
            ["Network:Bus:Transport"] = "RabbitMq",
            ["Network:Identity:DevelopmentKeys"] = "true",
        });

        var failure = Assert.Throws<StartupFailureException>(() => production.AddIdentity());

        var message = failure.Message;
        Assert.Contains("Set Network:Identity:Issuer to the hub's public address", message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DiscoveryAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
