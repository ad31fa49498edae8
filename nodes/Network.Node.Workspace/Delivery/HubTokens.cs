using System.Net;
using System.Text.Json;
using Network.Node.Workspace.Settings;

namespace Network.Node.Workspace.Delivery;

/// <summary>
/// The node's access token at the hub: obtained from <c>POST {hub}/connect/token</c> with the node's client id and
/// secret (OAuth 2.0 client credentials), kept until shortly before it expires, obtained again when the hub refuses
/// it (the hub restarted with new development keys, say).
/// </summary>
/// <param name="http">The client to ask with.</param>
/// <param name="hub">The hub's base address.</param>
/// <param name="credentials">The node's client id and secret.</param>
/// <param name="time">The clock.</param>
public sealed class HubTokens(HttpClient http, Uri hub, HubClientCredentials credentials, TimeProvider? time = null) : IDisposable
{
    /// <summary>How long before its expiry a token is replaced, so it never expires on the way.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Uri _endpoint = new(hub.AbsoluteUri.TrimEnd('/') + "/connect/token");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>The client the tokens are for.</summary>
    public HubClientCredentials Credentials { get; } = credentials;

    /// <summary>
    /// A valid token: the kept one, or a new one when there is none, it is about to expire, or <paramref name="renew"/>.
    /// </summary>
    /// <returns>The token, or why none could be had (the hub refused the client, or answered something else).</returns>
    /// <exception cref="HttpRequestException">The hub cannot be reached.</exception>
    public async Task<(string? Token, string? Failure)> GetAsync(bool renew, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!renew && _token is not null && _time.GetUtcNow() < _renewAt)
            {
                return (_token, null);
            }

            _token = null;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Credentials.ClientId,
                ["client_secret"] = Credentials.ClientSecret,
            });
            using var response = await http.PostAsync(_endpoint, form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            using var json = TryParse(body);
            var root = json?.RootElement;
            if (response.StatusCode == HttpStatusCode.OK && root?.TryGetProperty("access_token", out var token) == true && token.ValueKind == JsonValueKind.String)
            {
                var lifetime = root.Value.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
                _token = token.GetString();
                _renewAt = _time.GetUtcNow() + (lifetime > 2 * Margin ? lifetime - Margin : lifetime / 2);
                return (_token, null);
            }

            var error = root?.TryGetProperty("error", out var e) == true ? e.GetString() : null;
            var description = root?.TryGetProperty("error_description", out var d) == true ? d.GetString() : null;
            return (null, error is null
                ? $"the hub's token endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}"
                : $"the hub refused the client {Credentials.ClientId}: {error}{(description is null ? "" : $" ({description.TrimEnd('.')})")}");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
