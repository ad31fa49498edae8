using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Hub.Tests.GraphQL;

/// <summary>What the hub answered to a GraphQL request: status, media type and the JSON body.</summary>
internal sealed record GraphQLAnswer(HttpStatusCode Status, string? MediaType, JsonElement Body)
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToArray() : [];

    public IEnumerable<string?> ErrorCodes => Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null);

    /// <summary>Asserts a 200 without errors and returns <c>data</c>.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK && Errors.Count == 0, $"Expected 200 without errors; got {(int)Status}: {Body}");
        return Data;
    }

    public static Task<GraphQLAnswer> PostAsync(HttpClient client, string query, object? variables = null, string accept = GraphQLResponse, string? operationName = null) =>
        PostJsonAsync(client, JsonSerializer.Serialize(new { query, variables, operationName }), accept);

    public static async Task<GraphQLAnswer> PostJsonAsync(HttpClient client, string json, string accept = GraphQLResponse, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<GraphQLAnswer> GetAsync(HttpClient client, string pathAndQuery, string accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<GraphQLAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode} {response.Content.Headers.ContentType}: not JSON: {text}");
        }

        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}

/// <summary>Reading JSON answers briefly.</summary>
internal static class Json
{
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            element = int.TryParse(part, out var index) ? element[index] : element.GetProperty(part);
        }

        return element;
    }

    public static JsonElement[] Items(this JsonElement element) => element.EnumerateArray().ToArray();

    public static double? Number(this JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    public static string? Text(this JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetString();
}
