using System.Net;
using System.Text;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>Anonymous callers are limited per address (low limits set here); a valid token is not limited.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new(new Dictionary<string, string?>
    {
        ["Network:RateLimits:Anonymous:PermitLimit"] = "5",
        ["Network:RateLimits:Anonymous:Window"] = "00:10:00",
        ["Network:RateLimits:Token:PermitLimit"] = "3",
        ["Network:RateLimits:Token:Window"] = "00:10:00",
        ["Network:RateLimits:Enrollment:PermitLimit"] = "1",
        ["Network:RateLimits:Enrollment:Window"] = "00:10:00",
    });

    private readonly TestCity _trondheim = TestCity.Trondheim();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Anonymous_reads_over_the_limit_are_429_problem_details_with_retry_after_and_a_token_is_not_limited()
    {
        using var anonymous = _hub.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await anonymous.GetAsync("/api/kpis", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await anonymous.GetAsync("/api/kpis", Ct);

        var problem = await Problems.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);

        // The same address with a valid token (obtained before: the token endpoint counts as anonymous too).
        using var node = _hub.CreateClient().WithToken(await TestTokens.RequestAsync(anonymous, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct));
        for (var i = 0; i < 10; i++)
        {
            using var read = await node.GetAsync("/api/kpis", Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    [Fact]
    public async Task A_made_up_bearer_token_does_not_lift_the_limit()
    {
        using var client = _hub.CreateClient().WithToken("made-up");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("/health", Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Guessing_client_secrets_is_limited_before_the_secret_is_checked()
    {
        using var client = _hub.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await TestTokens.PostAsync(client, "node-NO-5001", $"guess-{i}", ct: Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    // Every spelling the authorization server answers as its token endpoint (it ignores case and a trailing slash,
    // as ASP.NET Core's routing does) counts against the one token limit: none is a way around it.
    [Fact]
    public async Task Every_spelling_of_the_token_endpoint_shares_the_one_token_limit()
    {
        string[] spellings = ["/connect/token", "/connect/token/", "/CONNECT/TOKEN", "/Connect/Token/"];
        using var client = _hub.CreateClient();
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostTokenRequestAsync(client, spellings[i + 1], $"guess-{i}");
            guesses.Add(response.StatusCode);
        }

        var limited = new List<HttpStatusCode>();
        foreach (var spelling in spellings)
        {
            using var response = await PostTokenRequestAsync(client, spelling, "one-more-guess");
            limited.Add(response.StatusCode);
        }

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(limited, status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
    }

    [Fact]
    public async Task A_path_the_authorization_server_does_not_answer_is_not_a_token_endpoint()
    {
        using var client = _hub.CreateClient();

        using var response = await PostTokenRequestAsync(client, "/connect/token/x", "guess");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostTokenRequestAsync(HttpClient client, string path, string secret) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "node-NO-5001",
            ["client_secret"] = secret,
        }), Ct);

    [Fact]
    public async Task Enrollment_requests_have_their_own_lower_limit()
    {
        using var client = _hub.CreateClient();
        using var first = new StringContent("not.a.request", Encoding.ASCII, "application/jose");
        using var second = new StringContent("not.a.request", Encoding.ASCII, "application/jose");

        using var refused = await client.PostAsync("/api/enrollments", first, Ct);
        using var limited = await client.PostAsync("/api/enrollments", second, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Problems.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
    }
}
