using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Network.Contracts.Disclosures;
using Network.Contracts.Verification;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Delivery;

/// <summary>
/// Delivery over HTTPS: <c>POST {hub}/api/snapshots</c> with the compact JWS as an <c>application/jose</c> body and the
/// node's access token (<see cref="HubTokens"/>, from its client credentials) as <c>Authorization: Bearer</c>.
/// The response is the answer: <c>202</c> accepted; <c>400</c>, <c>409</c> or <c>422</c> rejected, with every reason from
/// the ProblemDetails <c>errors</c>; anything else (401 or 403 for credentials that do not fit, 5xx, a timeout, a refused
/// connection) means "try again later", after whatever is wrong is put right.
/// </summary>
/// <param name="http">The client to send with (its timeout applies); tests pass the in-memory hub's client.</param>
/// <param name="hub">The hub's base address, e.g. <c>http://localhost:5080</c>.</param>
/// <param name="ownsClient">Whether disposing the connection disposes <paramref name="http"/>.</param>
/// <param name="credentials">The node's OAuth client at the hub; without it snapshots are sent without a token, which the hub refuses (401).</param>
public sealed class HttpHubConnection(HttpClient http, Uri hub, bool ownsClient = false, HubClientCredentials? credentials = null) : IHubConnection
{
    /// <summary>The media type of a compact JWS (RFC 7515 §9.2.1).</summary>
    public const string JoseMediaType = "application/jose";

    /// <summary>The media type of an SD-JWT (RFC 9901): a format-2 snapshot followed by the disclosures of its notes.</summary>
    public const string SdJwtMediaType = "application/sd-jwt";

    private readonly Uri _endpoint = new(hub.AbsoluteUri.TrimEnd('/') + "/api/snapshots");
    private readonly HubTokens? _tokens = credentials is null ? null : new HubTokens(http, hub, credentials);

    /// <inheritdoc/>
    public string Description => $"the hub at {hub} over HTTP";

    /// <inheritdoc/>
    public Task StartAsync(Func<HubAnswer, Task> onAnswer, CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var (response, body, failure) = await PostAsync(entry, renewToken: false, ct);
            if (response?.StatusCode == HttpStatusCode.Unauthorized && _tokens is not null)
            {
                // A token the hub no longer accepts (it restarted with new development keys, say): once more with a new one.
                response.Dispose();
                (response, body, failure) = await PostAsync(entry, renewToken: true, ct);
            }

            if (response is null)
            {
                return DeliveryOutcome.Failed(failure!);
            }

            using (response)
            {
                return response.StatusCode switch
                {
                    HttpStatusCode.Accepted => Accepted(entry, body),
                    HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => Rejected(entry, response.StatusCode, body),
                    HttpStatusCode.Unauthorized when _tokens is null => DeliveryOutcome.Failed(
                        $"the hub needs the node's client id and secret to accept snapshots over HTTP{Detail(body)}; set them with `credentials --client-id ... --client-secret ...`"),
                    var status => DeliveryOutcome.Failed($"the hub answered {(int)status} {response.ReasonPhrase}{Detail(body)}"),
                };
            }
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Failed($"cannot reach the hub at {hub}: {e.Message.TrimEnd('.')}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed($"the hub at {hub} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _tokens?.Dispose();
        if (ownsClient)
        {
            http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // The response (the caller disposes it) and its body, or no response and why no request could be made.
    private async Task<(HttpResponseMessage? Response, string Body, string? Failure)> PostAsync(OutboxEntry entry, bool renewToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        if (_tokens is not null)
        {
            var (token, failure) = await _tokens.GetAsync(renewToken, ct);
            if (token is null)
            {
                return (null, "", failure);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(entry.Jws));
        // A format-2 snapshot with notes travels with their disclosures: an SD-JWT (RFC 9901), not a bare JWS.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(entry.Jws.Contains(SelectiveDisclosure.Separator, StringComparison.Ordinal) ? SdJwtMediaType : JoseMediaType);
        var response = await http.SendAsync(request, ct);
        return (response, await response.Content.ReadAsStringAsync(ct), null);
    }

    private static DeliveryOutcome Accepted(OutboxEntry entry, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return DeliveryOutcome.Answered(new HubAnswer(
                root.TryGetProperty("snapshotId", out var id) && id.TryGetGuid(out var snapshotId) ? snapshotId : entry.SnapshotId,
                root.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String ? digest.GetString()! : entry.Digest,
                Accepted: true,
                At: root.TryGetProperty("receivedAt", out var at) && at.TryGetDateTimeOffset(out var receivedAt) ? receivedAt : DateTimeOffset.UtcNow,
                Duplicate: root.TryGetProperty("duplicate", out var duplicate) && duplicate.ValueKind == JsonValueKind.True,
                Reasons: []));
        }
        catch (JsonException)
        {
            // 202 is the hub's word that it stored the snapshot; an unreadable receipt does not change that.
            return DeliveryOutcome.Answered(new HubAnswer(entry.SnapshotId, entry.Digest, true, DateTimeOffset.UtcNow, false, []));
        }
    }

    private static DeliveryOutcome Rejected(OutboxEntry entry, HttpStatusCode status, string body)
    {
        var reasons = new List<Rejection>();
        DateTimeOffset at = DateTimeOffset.UtcNow;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number
                        : error.TryGetProperty("reason", out var r) && Enum.TryParse<RejectionReason>(r.GetString(), out var named) ? (int)named
                        : (int)RejectionReason.UnreadableSubmission;
                    reasons.Add(new Rejection((RejectionReason)code,
                        error.TryGetProperty("field", out var f) ? f.GetString() ?? "jws" : "jws",
                        error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : ""));
                }
            }
        }
        catch (JsonException)
        {
            // Fall through: a refusal without a readable body still is a refusal.
        }

        if (reasons.Count == 0)
        {
            // The hub refused without listing reasons: a proxy in between, most likely. Say what came back.
            reasons.Add(new Rejection(RejectionReason.UnreadableSubmission, "jws", $"The hub answered {(int)status}{Detail(body)}"));
        }

        return DeliveryOutcome.Answered(new HubAnswer(entry.SnapshotId, entry.Digest, false, at, false, reasons));
    }

    private static string Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? $": {detail.GetString()}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
