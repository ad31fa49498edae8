using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Storage;

/// <summary>
/// The database fails while the hub runs (the file made read-only, a damaged page): readiness answers 503 naming the
/// database, and requests that need it answer 503 ProblemDetails with Retry-After, not 500 (issue 11, class 7).
/// The failure is SQLite's own exception, raised by a command interceptor when the test breaks the storage.
/// </summary>
public sealed class BrokenStorageTests : IAsyncLifetime
{
    private readonly Breaker _breaker = new();
    private readonly HubFactory _hub = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _breakable = null!;
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public async ValueTask InitializeAsync()
    {
        _breakable = _hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteNetworkDbContext>(options => options.AddInterceptors(_breaker))));
        await _hub.RegisterAsync(_trondheim);
    }

    public async ValueTask DisposeAsync()
    {
        await _breakable.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Theory]
    [InlineData(8, "read-only")]
    [InlineData(11, "damaged")]
    [InlineData(13, "full")]
    public async Task Readiness_answers_503_naming_the_database_while_liveness_stays_200(int sqliteError, string reason)
    {
        using var client = _breakable.CreateClient();
        _breaker.Error = sqliteError;

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        var database = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("unhealthy", database.GetProperty("status").GetString());
        Assert.Contains(reason, database.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_when_only_writes_fail()
    {
        using var client = _breakable.CreateClient();
        _breaker.Error = 8;
        _breaker.WritesOnly = true;

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task A_token_request_answers_503_problem_details_when_the_database_cannot_be_written()
    {
        using var client = _breakable.CreateClient();
        _breaker.Error = 8;
        _breaker.WritesOnly = true;

        using var response = await TestTokens.PostAsync(client, TestTokens.NodeClientId(_trondheim.CityId), TestTokens.NodeSecret(_trondheim.CityId), ct: TestContext.Current.CancellationToken);

        await AssertStorageProblemAsync(response);
    }

    [Fact]
    public async Task A_read_answers_503_problem_details_when_the_database_cannot_be_read()
    {
        using var client = _breakable.CreateClient();
        _breaker.Error = 26;

        using var response = await client.GetAsync("/api/cities", TestContext.Current.CancellationToken);

        await AssertStorageProblemAsync(response);
    }

    [Fact]
    public async Task What_needs_no_database_still_answers()
    {
        using var client = _breakable.CreateClient();
        _breaker.Error = 26;

        using var response = await client.GetAsync("/api/kpis/tree", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertStorageProblemAsync(HttpResponseMessage response)
    {
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Storage unavailable", problem.GetProperty("title").GetString());
        Assert.Equal("30", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = problem.GetRawText();
        Assert.DoesNotContain("SQLite", text, StringComparison.Ordinal);
        Assert.DoesNotContain("readonly", text, StringComparison.Ordinal);
    }

    /// <summary>Fails every command (or every write) with the SQLite error set, as SQLite itself would.</summary>
    private sealed class Breaker : DbCommandInterceptor
    {
        public int? Error { get; set; }

        public bool WritesOnly { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Fail(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Fail(DbCommand command)
        {
            if (Error is not { } error)
            {
                return;
            }

            var text = command.CommandText.TrimStart();
            var write = text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
            if (!WritesOnly || write)
            {
                throw new SqliteException($"SQLite Error {error}: 'simulated'.", error);
            }
        }
    }
}
