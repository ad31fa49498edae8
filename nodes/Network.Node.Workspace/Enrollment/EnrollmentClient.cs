using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Node.Workspace.Enrollment;

/// <summary>Posts a signed enrollment request to <c>POST {hub}/api/enrollments</c> (anonymous) and reads the answer.</summary>
/// <param name="http">The client to send with.</param>
public sealed class EnrollmentClient(HttpClient http)
{
    /// <summary>Sends <paramref name="jws"/> to the hub at <paramref name="hub"/>.</summary>
    public async Task<EnrollmentOutcome> SendAsync(Uri hub, string jws, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var endpoint = new Uri(hub.AbsoluteUri.TrimEnd('/') + "/api/enrollments");
        try
        {
            using var content = new StringContent(jws, Encoding.ASCII);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/jose");
            using var response = await http.PostAsync(endpoint, content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            using var json = Parse(body);
            var root = json?.RootElement;
            if (response.StatusCode == HttpStatusCode.Accepted && root?.TryGetProperty("enrollmentId", out var id) == true && id.TryGetGuid(out var enrollmentId))
            {
                return new EnrollmentOutcome(enrollmentId, root.Value.TryGetProperty("duplicate", out var duplicate) && duplicate.ValueKind == JsonValueKind.True, [], null);
            }

            var problems = root?.TryGetProperty("errors", out var errors) == true && errors.ValueKind == JsonValueKind.Array
                ? errors.EnumerateArray().Select(e => $"{Text(e, "field")}: {Text(e, "message")}").ToArray()
                : [];
            var detail = root?.TryGetProperty("detail", out var d) == true && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return new EnrollmentOutcome(null, false, problems, $"the hub answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail is null ? "" : $": {detail}")}");
        }
        catch (HttpRequestException e)
        {
            return new EnrollmentOutcome(null, false, [], $"cannot reach the hub at {hub}: {e.Message.TrimEnd('.')}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new EnrollmentOutcome(null, false, [], $"the hub at {hub} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static JsonDocument? Parse(string body)
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
