using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Network.Hub.Hosting;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Hosting;

/// <summary>
/// Bodies past the 2 MiB limit sent chunked (no Content-Length) are found out by Kestrel only while an endpoint reads
/// them; each door that reads a body answers 413 ProblemDetails and logs no error (issue 11, class 8: they got 500 and a
/// logged stack trace). On a real Kestrel server: the in-memory test server enforces no Kestrel limit.
/// </summary>
public sealed class ChunkedBodyLimitTests : IAsyncLifetime
{
    private const int Oversized = (int)HubDefaults.MaxRequestBodySize + 512 * 1024;
    private readonly KestrelHub _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_snapshot_door_answers_413_to_a_chunked_body_over_the_limit()
    {
        using var client = await _hub.CreateNodeClientAsync(_trondheim.CityId);

        using var response = await client.PostAsync("/api/snapshots", Chunked("a", "application/jose"), TestContext.Current.CancellationToken);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task GraphQL_answers_413_to_a_chunked_body_over_the_limit()
    {
        using var client = _hub.CreateClient();

        using var response = await client.PostAsync("/graphql", Chunked("{\"query\":\"", "application/json"), TestContext.Current.CancellationToken);

        // GraphQL answers in its own format (errors[] with a code), as for every refusal at that door.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("REQUEST_TOO_LARGE", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(_hub.Logs.Errors);
    }

    [Fact]
    public async Task The_token_endpoint_answers_413_to_a_chunked_form_over_the_limit()
    {
        using var client = _hub.CreateClient();

        using var response = await client.PostAsync("/connect/token", Chunked("grant_type=client_credentials&client_id=", "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task The_enrollment_door_answers_413_to_a_chunked_body_over_the_limit()
    {
        using var client = _hub.CreateClient();

        using var response = await client.PostAsync("/api/enrollments", Chunked("a", "application/jose"), TestContext.Current.CancellationToken);

        await AssertRefusedAsync(response);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Empty(_hub.Logs.Errors);
    }

    // A body of unknown length, so HttpClient sends it chunked: a prefix, then filler up to past the limit.
    private static StreamContent Chunked(string prefix, string mediaType)
    {
        var bytes = new byte[Oversized];
        System.Text.Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length).Fill((byte)'a');
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>The hub on Kestrel at a free port of 127.0.0.1, collecting what it logs.</summary>
    private sealed class KestrelHub : HubFactory
    {
        public KestrelHub() => UseKestrel(0);

        public LogCollector Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
