using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Limits;
using Network.Hub.Storage;

namespace Network.Hub.Tests.GraphQL;

/// <summary>
/// Requests that measure what they cost run one at a time: allocations are counted process-wide, so a test running
/// beside them would be counted too.
/// </summary>
[CollectionDefinition(nameof(AllocationBudgets), DisableParallelization = true)]
public sealed class AllocationBudgets;

/// <summary>
/// The GraphQL cost model: a document's size is bounded before it is parsed and validated, the fields that run the
/// engine weigh what they compute (once per alias) but share one loaded network, and a costly query waits for a slot
/// of the process-wide gate or is answered 503 with Retry-After.
/// </summary>
[Collection(nameof(AllocationBudgets))]
public sealed class CostModelTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_document_repeating_one_field_thousands_of_times_is_refused_before_it_is_validated()
    {
        using var client = network.Hub.CreateClient();
        // 4,000 fields in one selection: within the token limit, so the field count refuses it. Validation compares
        // every pair of fields with one name; this took seconds, and ~120 KB took 43 CPU-seconds.
        var query = "{ " + string.Concat(Enumerable.Repeat("periods ", 4_000)) + "}";

        var (answer, allocated) = await MeasuredAsync(() => GraphQLAnswer.PostAsync(client, query));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var error = Assert.Single(answer.Errors);
        Assert.Equal("DOCUMENT_TOO_LARGE", error.At("extensions.code").GetString());
        Assert.Contains("1000 fields", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.True(allocated < 16 * Megabyte, $"The refusal allocated {allocated / Megabyte} MB.");
    }

    [Fact]
    public async Task A_document_over_the_token_limit_is_refused_before_it_is_parsed()
    {
        using var client = network.Hub.CreateClient();
        var query = "{ " + string.Concat(Enumerable.Repeat("periods ", 15_000)) + "}"; // ~120 KB

        var (answer, allocated) = await MeasuredAsync(() => GraphQLAnswer.PostAsync(client, query));

        var error = Assert.Single(answer.Errors);
        Assert.Equal("DOCUMENT_TOO_LARGE", error.At("extensions.code").GetString());
        Assert.Contains("5000 tokens", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(allocated < 16 * Megabyte, $"The refusal allocated {allocated / Megabyte} MB.");
    }

    [Fact]
    public async Task Fragments_spreading_fragments_count_every_field_they_expand_to()
    {
        using var client = network.Hub.CreateClient();
        // 30 × 30 × 30 = 27,000 fields from about 200 tokens.
        var thirty = (string name) => string.Concat(Enumerable.Repeat($"...{name} ", 30));
        var query = "{ ...C } fragment C on Query { " + thirty("B") + "} fragment B on Query { " + thirty("A") + "} fragment A on Query { "
            + string.Concat(Enumerable.Repeat("periods ", 30)) + "}";

        var answer = await GraphQLAnswer.PostAsync(client, query);

        Assert.Equal(["DOCUMENT_TOO_LARGE"], answer.ErrorCodes);
    }

    [Fact]
    public async Task A_document_nested_past_the_parsers_depth_is_refused_with_the_depth_code()
    {
        using var client = network.Hub.CreateClient();
        // 200 nested lists in an argument: few tokens, but deep enough to exhaust a recursive parser's stack if unbounded.
        var query = "{ kpi(code: " + new string('[', 200) + new string(']', 200) + ") { code } }";

        var answer = await GraphQLAnswer.PostAsync(client, query);

        var error = Assert.Single(answer.Errors);
        Assert.Equal("DEPTH", error.At("extensions.code").GetString());
        Assert.Contains("128", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_aliases_of_peers_are_refused_before_anything_runs()
    {
        await using var counted = Counted(out var counter);
        using var client = counted.CreateClient();
        var query = """query($c: ID!) { """ + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"p{i}: peers(city: $c) {{ cityId rank }} ")) + "}";
        await GraphQLAnswer.PostAsync(client, "{ periods }"); // the host has started
        counter.Reset();

        var (answer, allocated) = await MeasuredAsync(() => GraphQLAnswer.PostAsync(client, query, new { c = SampleNetwork.Trondheim }));

        Assert.Equal(["DOCUMENT_TOO_LARGE"], answer.ErrorCodes);
        Assert.Equal(0, counter.Count);
        Assert.True(allocated < 16 * Megabyte, $"The refusal allocated {allocated / Megabyte} MB.");
    }

    [Fact]
    public async Task Aliases_of_peers_share_one_loaded_network()
    {
        await using var counted = Counted(out var counter);
        using var client = counted.CreateClient();
        // 300 aliases: 600 fields and an estimated cost of about 303,000, within both limits.
        var query = """query($c: ID!) { """ + string.Concat(Enumerable.Range(0, 300).Select(i => $"p{i}: peers(city: $c, minimumOverlap: 1) {{ cityId }} ")) + "}";
        await GraphQLAnswer.PostAsync(client, "{ periods }");
        counter.Reset();

        var (answer, allocated) = await MeasuredAsync(() => GraphQLAnswer.PostAsync(client, query, new { c = SampleNetwork.Trondheim }));

        var data = answer.Ok();
        Assert.Equal(300, data.EnumerateObject().Count());
        Assert.Equal(data.At("p0").GetRawText(), data.At("p299").GetRawText());
        // The periods, the data version, the period's values and the cities' contexts: not one set per alias.
        Assert.True(counter.Count <= 6, $"300 aliases sent {counter.Count} SQL commands.");
        Assert.True(allocated < 64 * Megabyte, $"300 aliases allocated {allocated / Megabyte} MB.");
    }

    [Fact]
    public async Task A_costly_query_when_every_slot_is_taken_is_answered_503_with_retry_after()
    {
        await using var hub = network.Hub.WithWebHostBuilder(b => b
            .UseSetting("Network:Limits:CostlyWork:MaxConcurrent", "1")
            .UseSetting("Network:Limits:CostlyWork:QueueTimeout", "00:00:00.050")
            .UseSetting("Network:Limits:CostlyWork:RetryAfter", "00:00:07"));
        using var client = hub.CreateClient();
        var gate = hub.Services.GetRequiredService<CostlyWorkGate>();
        const string Costly = """{ peers(city: "NO-5001") { cityId } }""";

        using (var held = await gate.TryEnterAsync(TestContext.Current.CancellationToken))
        {
            Assert.NotNull(held);
            using var response = await PostAsync(client, Costly);
            var busy = await GraphQLAnswer.ReadAsync(response);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            Assert.Equal(["BUSY"], busy.ErrorCodes);
            Assert.Contains("Retry-After", busy.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            // A cheap query does not need a slot.
            (await GraphQLAnswer.PostAsync(client, "{ periods cities { id } }")).Ok();
        }

        using var after = await PostAsync(client, Costly);
        (await GraphQLAnswer.ReadAsync(after)).Ok();
    }

    [Fact]
    public async Task The_standard_introspection_query_is_within_every_limit()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, SchemaTests.IntrospectionQuery);

        answer.Ok();
    }

    private WebApplicationFactory<Program> Counted(out SqlCommandCounter counter)
    {
        var commands = counter = new SqlCommandCounter();
        return network.Hub.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteNetworkDbContext>(options => options.AddInterceptors(commands))));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLAnswer.GraphQLResponse));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // Bytes allocated by the whole process (client, test server and hub) while the request runs; the collection runs
    // alone, so nothing else is counted.
    private static async Task<(T Result, long Allocated)> MeasuredAsync<T>(Func<Task<T>> request)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await request();
        return (result, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
