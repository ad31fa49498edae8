using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Embargo;
using Network.Hub.GraphQL.Loading;
using Network.Hub.Hosting;

namespace Network.Hub.Tests.GraphQL;

/// <summary>Each limit of the GraphQL endpoint refuses with a clear, spec-shaped error naming the limit.</summary>
public sealed class LimitTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    [Fact]
    public async Task A_query_nested_deeper_than_the_limit_is_refused_before_it_runs()
    {
        using var client = network.Hub.CreateClient();
        // __schema, types, fields, type and 14 ofType: 18 levels of fields.
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 14) + " } } } } }";

        var answer = await GraphQLAnswer.PostAsync(client, deep);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("DEPTH", error.At("extensions.code").GetString());
        Assert.Contains("deep", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("15", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(answer.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_query_whose_answer_would_be_too_large_is_refused_by_the_complexity_limit()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, """
            { cities(first: 500) { scores(period: 2020) { kpis { values { value percentOfTarget explanation target { value source } } } categories { explanation } } } }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("COMPLEXITY", error.At("extensions.code").GetString());
        Assert.Contains("500000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_larger_than_500_is_an_error_naming_the_limit()
    {
        using var client = network.Hub.CreateClient();

        var cities = await GraphQLAnswer.PostAsync(client, "{ cities(first: 501) { id } }");
        var snapshots = await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-5001") { snapshots(first: 1000) { id } } }""");

        foreach (var answer in new[] { cities, snapshots })
        {
            var error = Assert.Single(answer.Errors);
            Assert.Equal("PAGE_SIZE_LIMIT", error.At("extensions.code").GetString());
            Assert.Contains("500", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Null, cities.Data.ValueKind);
    }

    [Fact]
    public async Task Lists_hold_100_items_unless_first_asks_for_other()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """{ __type(name: "Query") { fields { name args { name defaultValue } } } }""")).Ok();

        var cities = data.At("__type.fields").Items().Single(f => f.GetProperty("name").GetString() == "cities");
        Assert.Equal("100", cities.GetProperty("args").Items().Single(a => a.GetProperty("name").GetString() == "first").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task A_body_over_the_hubs_request_limit_is_a_413()
    {
        using var client = network.Hub.CreateClient();
        var padding = new string('x', (int)HubDefaults.MaxRequestBodySize);

        var answer = await GraphQLAnswer.PostAsync(client, "{ periods }", new { padding });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], answer.ErrorCodes);
    }

    [Fact]
    public async Task A_request_running_longer_than_the_timeout_is_stopped_with_a_timeout_error()
    {
        // A database that takes half a second to answer, and a timeout of a tenth of one.
        await using var slow = network.Hub.WithWebHostBuilder(b =>
        {
            b.UseSetting("Network:GraphQL:Timeout", "00:00:00.100");
            b.ConfigureServices(services => services.AddScoped(sp => new HubLoaders(
                new SlowScopes(sp.GetRequiredService<IServiceScopeFactory>(), TimeSpan.FromMilliseconds(500)),
                sp.GetRequiredService<RequestNetwork>(), sp.GetRequiredService<KpiCatalogue>(), sp.GetRequiredService<CallerReadership>())));
        });
        using var client = slow.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-5001") { name snapshots { id } } }""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("TIMEOUT", error.At("extensions.code").GetString());
    }

    private sealed class SlowScopes(IServiceScopeFactory inner, TimeSpan delay) : IServiceScopeFactory
    {
        public IServiceScope CreateScope()
        {
            Thread.Sleep(delay);
            return inner.CreateScope();
        }
    }
}
