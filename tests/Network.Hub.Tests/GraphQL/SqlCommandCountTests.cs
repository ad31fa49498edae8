using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Storage;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.GraphQL;

/// <summary>The database round trips of a query do not grow with the number of cities it covers (the loaders batch them).</summary>
public sealed class SqlCommandCountTests : IAsyncLifetime
{
    private const int Cities = 12;
    private const string Query = """
        query($first: Int!) {
          cities(first: $first) {
            id name
            snapshots { id period status issuedAt digest }
            values(period: 2020) { kpiCode value }
            history(kpi: "EC-P-EM-1C") { period value current }
            scores(period: 2020) { kpis { code points percentile } dimensions { code percentage } }
          }
        }
        """;

    private readonly HubFactory _hub = new();
    private readonly SqlCommandCounter _counter = new();
    private readonly List<TestCity> _cities = [];
    private WebApplicationFactory<Program> _counted = null!;

    public async ValueTask InitializeAsync()
    {
        _counted = _hub.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteNetworkDbContext>(options => options.AddInterceptors(_counter))));
        using var client = _counted.CreateClient();
        for (var i = 0; i < Cities; i++)
        {
            var city = await _hub.RegisterAsync(new TestCity($"NO-{9100 + i}", $"City {i}"));
            _cities.Add(city);
            foreach (var snapshot in new[]
            {
                city.Snapshot().ForPeriod(2019).WithValues(Value("EC-P-EM-1C", 2 + (i / 10.0), "%")),
                city.Snapshot().WithValues(Value("EC-P-EM-1C", 1 + (i / 10.0), "%"), Value("EC-ICT-ICT-1C", 88 + i, "%")),
            })
            {
                using var response = await SnapshotDoor.PostAsync(client, snapshot.Sign());
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _counted.DisposeAsync();
        await _hub.DisposeAsync();
        _cities.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_query_over_one_city_and_over_twelve_sends_the_same_number_of_sql_commands()
    {
        using var client = _counted.CreateClient();
        await CountAsync(client, Cities); // loads the period into the engine's cache once, as any first query does

        var one = await CountAsync(client, 1);
        var all = await CountAsync(client, Cities);

        TestContext.Current.SendDiagnosticMessage($"SQL commands: 1 city {one}, {Cities} cities {all}");
        Assert.Equal(one, all);
        // cities, snapshots, values, history, and the scores' data-version check: one each.
        Assert.Equal(5, all);
    }

    [Fact]
    public async Task Without_the_cache_scoring_adds_one_command_for_the_period_whatever_the_number_of_cities()
    {
        using var client = _counted.CreateClient();

        var first = await CountAsync(client, Cities);

        Assert.Equal(6, first);
    }

    private async Task<int> CountAsync(HttpClient client, int first)
    {
        _counter.Reset();
        var data = (await GraphQLAnswer.PostAsync(client, Query, new { first })).Ok();
        var counted = _counter.Count;
        Assert.Equal(first, data.At("cities").Items().Length);
        Assert.All(data.At("cities").Items(), c => Assert.Equal(2, c.GetProperty("snapshots").Items().Length));
        Assert.All(data.At("cities").Items(), c => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, c.GetProperty("scores").ValueKind));
        return counted;
    }
}
