using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Network.Contracts.Verification;
using Network.Node.Core.Storage;

namespace Network.Node.Core.Delivery;

/// <summary>
/// Delivery over HTTPS: <c>POST {hub}/api/snapshots</c> with the compact JWS as an <c>application/jose</c> body.
/// The response is the answer: <c>202</c> accepted; <c>400</c>, <c>409</c> or <c>422</c> rejected, with every reason from
/// the ProblemDetails <c>errors</c>; anything else (5xx, a timeout, a refused connection) means "try again later".
/// </summary>
/// <param name="http">The client to send with (its timeout applies); tests pass the in-memory hub's client.</param>
/// <param name="hub">The hub's base address, e.g. <c>http://localhost:5080</c>.</param>
/// <param name="ownsClient">Whether disposing the connection disposes <paramref name="http"/>.</param>
public sealed class HttpHubConnection(HttpClient http, Uri hub, bool ownsClient = false) : IHubConnection
{
    /// <summary>The media type of a compact JWS (RFC 7515 §9.2.1).</summary>
    public const string JoseMediaType = "application/jose";

    private readonly Uri _endpoint = new(hub.AbsoluteUri.TrimEnd('/') + "/api/snapshots");

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
            using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(entry.Jws));
            content.Headers.ContentType = new MediaTypeHeaderValue(JoseMediaType);
            using var response = await http.PostAsync(_endpoint, content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted => Accepted(entry, body),
                HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => Rejected(entry, response.StatusCode, body),
                var status => DeliveryOutcome.Failed($"the hub answered {(int)status} {response.ReasonPhrase}{Detail(body)}"),
            };
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
        if (ownsClient)
        {
            http.Dispose();
        }

        return ValueTask.CompletedTask;
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
