using System.Net;
using System.Text.Json;

namespace Network.Hub.Tests;

/// <summary>GETs that must answer 200, failing the test with the hub's answer when they do not.</summary>
internal static class OkAnswers
{
    /// <summary>GETs <paramref name="url"/> and returns the body, asserting a 200.</summary>
    public static async Task<string> GetTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>GETs <paramref name="url"/> and returns the JSON body, asserting a 200.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await GetTextAsync(client, url)).RootElement.Clone();
}
