using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Hub.Tests.Ingestion;

/// <summary>Talks to the HTTP door the way a city without a broker connection would.</summary>
internal static class SnapshotDoor
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string jws, string mediaType = "application/jose")
    {
        using var content = new StringContent(jws, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync("/api/snapshots", content, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The (reason, field) pairs of a refusal's ProblemDetails.</summary>
    public static async Task<List<(string Reason, string Field)>> ReasonsAsync(HttpResponseMessage response)
    {
        var problem = await ReadJsonAsync(response);
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("reason").GetString()!, e.GetProperty("field").GetString()!))
            .ToList();
    }
}
