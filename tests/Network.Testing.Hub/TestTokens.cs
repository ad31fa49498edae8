using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Network.Testing.Hub;

/// <summary>
/// Access tokens from a hub under test, through its real token endpoint. <see cref="HubFactory.RegisterAsync"/> gives
/// every registered city a node client with a known secret (<see cref="NodeSecret"/>), so a test can publish as any
/// registered city: <see cref="AuthorizeAsCityAsync"/> puts that city's token on a request, asking for it once per
/// HTTP client (a client belongs to one hub, whose keys signed the token).
/// </summary>
public static class TestTokens
{
    private static readonly ConditionalWeakTable<HttpClient, ConcurrentDictionary<string, string>> Cache = [];

    /// <summary>The secret <see cref="HubFactory.RegisterAsync"/> gives a test city's node client.</summary>
    public static string NodeSecret(string cityId) => "test-node-secret-" + cityId;

    /// <summary>The client id of a city's node: <c>node-</c> and the city id, as the hub names it.</summary>
    public static string NodeClientId(string cityId) => "node-" + cityId;

    /// <summary>Sets <paramref name="request"/>'s bearer token to the node token of <paramref name="cityId"/> from the hub <paramref name="client"/> talks to.</summary>
    public static async Task AuthorizeAsCityAsync(HttpClient client, HttpRequestMessage request, string cityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tokens = Cache.GetOrCreateValue(client);
        if (!tokens.TryGetValue(cityId, out var token))
        {
            token = await RequestAsync(client, NodeClientId(cityId), NodeSecret(cityId), ct: ct);
            tokens[cityId] = token;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Asks the token endpoint for a token and returns it, failing the test with the hub's answer if there is none.</summary>
    public static async Task<string> RequestAsync(HttpClient client, string clientId, string secret, string? scope = null, CancellationToken ct = default)
    {
        using var response = await PostAsync(client, clientId, secret, scope, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The hub refused a token to {clientId}: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>POSTs a client credentials request to the token endpoint and returns the response as it is.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string clientId, string secret, string? scope = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return client.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
    }

    /// <summary>Makes <paramref name="client"/> send <paramref name="token"/> with every request, and returns it.</summary>
    public static HttpClient WithToken(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The claims of a JWT access token (its payload), for assertions.</summary>
    public static JsonElement Claims(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return json.RootElement.Clone();
    }
}
