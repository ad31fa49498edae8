using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Performance;

/// <summary>
/// The requests of the <c>attacks</c> command (issue 11's classes), and how one is sent and its answer summed up:
/// a refusal (400, 413, 429, 503...) or a client that gave up is a result to count, never a failure of the run.
/// </summary>
public static class AttackRequests
{
    /// <summary>A demo city that reports data: the city of the <c>peers</c> aliases.</summary>
    public const string DemoCity = "NO-5001";

    /// <summary>
    /// Class 1: one field repeated in one selection, ~120 KB: <paramref name="field"/> (with its sub-selection) as
    /// often as fits. Validation compares every pair of fields with the same name, so its work grows with the square.
    /// </summary>
    public static string RepeatedField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return "query { " + string.Concat(Enumerable.Repeat(field + " ", 120_000 / (field.Length + 1))) + "}";
    }

    /// <summary>How many times <see cref="RepeatedField"/> repeats <paramref name="field"/>.</summary>
    public static int Repetitions(string field) => 120_000 / (field.Length + 1);

    /// <summary>Class 2: ~1,000 aliases of <c>peers</c> (the default limit, 10) in one query, ~86 KB: within the complexity limit.</summary>
    public static string PeersAliases(string city) =>
        "query { " + string.Concat(Enumerable.Range(0, 1_000).Select(i =>
            $"p{i:D4}: peers(city: \"{city}\") {{ cityId rank match {{ partnerId mutual sharedKpis summary }} }} ")) + "}";

    /// <summary>A small, normal query: the cities' ids and names.</summary>
    public const string SmallQuery = "{ cities { id name } }";

    /// <summary>A GraphQL POST of <paramref name="query"/> (and variables) as JSON.</summary>
    public static HttpRequestMessage GraphQL(string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables })),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    /// <summary>A <c>POST /api/snapshots</c> of <paramref name="jws"/> (as sent, <c>application/jose</c>) with a node's bearer token.</summary>
    public static HttpRequestMessage Snapshot(string jws, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/snapshots") { Content = new StringContent(jws) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/jose");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A client-credentials token request for <paramref name="clientId"/> to <paramref name="path"/>.</summary>
    public static HttpRequestMessage Token(string path, string clientId, string secret) =>
        new(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }),
        };

    /// <summary>Gets a token for <paramref name="clientId"/>, or throws with the hub's answer.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = Token("connect/token", clientId, secret);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The hub refused a token to {clientId}: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A POST to <paramref name="path"/> of <paramref name="bytes"/> bytes sent chunked (no <c>Content-Length</c>, so
    /// the server learns the size only while reading), with <paramref name="token"/> as bearer token if given.
    /// </summary>
    public static HttpRequestMessage Chunked(string path, string mediaType, byte[] prefix, long bytes, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ChunkedContent(prefix, bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>
    /// Sends the request, waits at most <paramref name="timeout"/> for the whole answer, and returns what came back as
    /// a short label: the status code (with the first GraphQL error code when a 200 carries errors), "no answer in
    /// N s" when the client gave up (the connection is closed then), or the kind of connection failure.
    /// </summary>
    public static async Task<string> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        using var giveUp = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.SendAsync(request, giveUp.Token);
            var body = await response.Content.ReadAsByteArrayAsync(giveUp.Token);
            return Describe(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            return $"no answer in {timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return $"connection failed ({e.HttpRequestError})";
        }
        finally
        {
            request.Dispose();
        }
    }

    private static string Describe(HttpStatusCode status, byte[] body)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var success = (int)status is >= 200 and < 300;
        if (success && body.AsSpan().IndexOf("\"errors\""u8) < 0)
        {
            return code;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return code;
            }

            // GraphQL: the first error's code.
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var reason = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("extensions", out var extensions)
                    && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("code", out var c) ? c.ToString() : "no code";
                return $"{code} with errors ({reason})";
            }

            // OData's error, then ProblemDetails' title, then OAuth's error: which refusal it was.
            if (!success && root.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var odata) ? $"{code} {odata}" : $"{code} {error}";
            }

            if (!success && root.TryGetProperty("title", out var title))
            {
                var text = title.ToString();
                return $"{code} \"{(text.Length > 50 ? text[..50] + "…" : text)}\"";
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status says enough.
        }

        return code;
    }

    // A body of a given size that reports no length, so HttpClient sends it chunked.
    private sealed class ChunkedContent(byte[] prefix, long bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(prefix);
            var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
            for (var sent = (long)prefix.Length; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>How often each kind of answer came back.</summary>
public sealed class Outcomes
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    /// <summary>Counts one answer.</summary>
    public void Add(string outcome) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    /// <summary>How many answers in all.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>How many answers had this label.</summary>
    public int Count(string outcome) => _counts.GetValueOrDefault(outcome);

    /// <summary>E.g. <c>1,430 × 400, 70 × 429</c>, most frequent first.</summary>
    public override string ToString() =>
        _counts.IsEmpty ? "none" : string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => Total == 1 ? c.Key : $"{c.Value:N0} × {c.Key}"));
}
