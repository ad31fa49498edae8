using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Ingestion;

/// <summary>
/// Talks to the HTTP door the way a city's node without a broker connection would: with the access token of the city
/// the snapshot names (its node client, created by <see cref="HubFactory.RegisterAsync"/>), or of <c>asCity</c> when
/// given (for a body whose city cannot be read). A body naming no registered city is sent without a token.
/// </summary>
internal static class SnapshotDoor
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string jws, string mediaType = "application/jose", string? asCity = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/snapshots") { Content = new StringContent(jws, Encoding.ASCII) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if ((asCity ?? ClaimedCity(jws)) is { } city)
        {
            await TestTokens.AuthorizeAsCityAsync(client, request, city, TestContext.Current.CancellationToken);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The city a JWS's payload names, read without verifying anything; null when unreadable.</summary>
    public static string? ClaimedCity(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("cityId", out var city)
                && city.ValueKind == JsonValueKind.String ? city.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
