using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Settings;

namespace Network.Node.Workspace.Verification;

/// <summary>
/// Requests to the hub's API over HTTPS with the workspace's access token (<see cref="HubTokens"/>, from its client
/// credentials), obtained again once when the hub refuses it. The question threads and the verifier's work use it,
/// whichever transport the node delivers snapshots by.
/// </summary>
/// <param name="http">The client to send with (its timeout applies); tests pass the in-memory hub's client.</param>
/// <param name="hub">The hub's base address, e.g. <c>https://hub.example.org</c>.</param>
/// <param name="credentials">The workspace's OAuth client at the hub.</param>
/// <param name="ownsClient">Whether disposing the session disposes <paramref name="http"/>.</param>
public sealed class HubSession(HttpClient http, Uri hub, HubClientCredentials credentials, bool ownsClient = false) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HubTokens _tokens = new(http, hub, credentials);

    /// <summary>The hub, in words, for messages.</summary>
    public string Description => $"the hub at {hub}";

    /// <summary>GETs <paramref name="path"/> (with its query).</summary>
    /// <exception cref="HubCallException">The hub cannot be reached, or refuses the client's credentials.</exception>
    public Task<HubReply> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, () => null, ct);

    /// <summary>POSTs <paramref name="body"/> as JSON (camelCase) to <paramref name="path"/>.</summary>
    /// <exception cref="HubCallException">The hub cannot be reached, or refuses the client's credentials.</exception>
    public Task<HubReply> PostJsonAsync<T>(string path, T body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, () => new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"), ct);

    /// <summary>POSTs a compact JWS as <c>application/jose</c> to <paramref name="path"/>.</summary>
    /// <exception cref="HubCallException">The hub cannot be reached, or refuses the client's credentials.</exception>
    public Task<HubReply> PostJoseAsync(string path, string jws, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, () => new StringContent(jws, Encoding.ASCII, HttpHubConnection.JoseMediaType), ct);

    /// <inheritdoc/>
    public void Dispose()
    {
        _tokens.Dispose();
        if (ownsClient)
        {
            http.Dispose();
        }
    }

    private async Task<HubReply> SendAsync(HttpMethod method, string path, Func<HttpContent?> content, CancellationToken ct)
    {
        try
        {
            var reply = await SendOnceAsync(method, path, content(), renewToken: false, ct);
            // A token the hub no longer accepts (it restarted with new development keys, say): once more with a new one.
            return reply.Status == HttpStatusCode.Unauthorized ? await SendOnceAsync(method, path, content(), renewToken: true, ct) : reply;
        }
        catch (HttpRequestException e)
        {
            throw new HubCallException($"cannot reach the hub at {hub}: {e.Message.TrimEnd('.')}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new HubCallException($"the hub at {hub} did not answer within {http.Timeout.TotalSeconds:0} s", e);
        }
    }

    private async Task<HubReply> SendOnceAsync(HttpMethod method, string path, HttpContent? content, bool renewToken, CancellationToken ct)
    {
        var (token, failure) = await _tokens.GetAsync(renewToken, ct);
        if (token is null)
        {
            throw new HubCallException($"{failure}; check the client id and secret (`credentials`)");
        }

        using var request = new HttpRequestMessage(method, new Uri(hub.AbsoluteUri.TrimEnd('/') + path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return new HubReply(response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, bytes);
    }
}
