using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Limits;
using Network.Testing.Hub;

namespace Network.Hub.Tests.OData;

/// <summary>Runs alone: it measures the bytes the whole process allocates while one request runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}

/// <summary>
/// Expanding a snapshot's values over a store of many full snapshots: one bounded page per response, with next
/// links to the rest, at a cost that does not grow with the store (issue 11, class 3: it read 1.5 million rows and
/// allocated ~1.5 GB per request over this store).
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class ExpansionCostTests(LargeStoreNetwork network) : IClassFixture<LargeStoreNetwork>
{
    // Well below the ~1,490 MB the request allocated before; it allocates ~30 MB now (the test client's copy of the
    // 1.2 MB body included). The hub's limit for any one request is 64 MB.
    private const long AllocationBudget = 64L * 1024 * 1024;

    [Fact]
    public async Task Expanding_every_snapshots_values_answers_one_bounded_page_within_the_allocation_budget()
    {
        using var client = network.Hub.CreateClient(); // anonymous, as the attack was
        const string url = "/odata/Snapshots?$expand=Values";
        await GetAsync(client, url); // the first request also compiles the queries and loads the engine

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var page = await GetAsync(client, url);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < AllocationBudget, $"GET {url} allocated {allocated / (1024 * 1024)} MB; the budget is {AllocationBudget / (1024 * 1024)} MB");
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(16, rows.Count); // the default ExpandedPageSize
        Assert.All(rows, r => Assert.Equal(LargeStoreNetwork.ValuesPerSnapshot, r.GetProperty("Values").GetArrayLength()));
        Assert.Contains("$skip=16", page.Text("@odata.nextLink"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_the_next_links_reads_every_snapshot_with_all_its_values_exactly_once()
    {
        using var client = network.Hub.CreateClient();
        var rows = new List<JsonElement>();
        for (string? url = "/odata/Snapshots?$expand=Values($select=Id)&$select=Id"; url is not null;)
        {
            var page = await GetAsync(client, url);
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            url = page.Text("@odata.nextLink");
        }

        Assert.Equal(LargeStoreNetwork.SnapshotCount, rows.Select(r => r.Text("Id")).Distinct().Count());
        Assert.Equal(LargeStoreNetwork.SnapshotCount * LargeStoreNetwork.ValuesPerSnapshot,
            rows.SelectMany(r => r.GetProperty("Values").EnumerateArray()).Select(v => v.Id()).Distinct().Count());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}

/// <summary>A hub that pages a snapshot's expanded values every three, and runs one costly read at a time.</summary>
public sealed class NarrowFeedNetwork() : FeedNetwork(new Dictionary<string, string?>
{
    ["Network:OData:ExpandedValuesPageSize"] = "3",
    ["Network:Limits:CostlyWork:MaxConcurrent"] = "1",
    ["Network:Limits:CostlyWork:QueueTimeout"] = "00:00:00.200",
    ["Network:Limits:CostlyWork:RetryAfter"] = "00:00:07",
});

/// <summary>Paging inside an expansion, and the costly-work gate at the feed's door.</summary>
public sealed class ExpansionPagingTests(NarrowFeedNetwork network) : IClassFixture<NarrowFeedNetwork>
{
    [Fact]
    public async Task A_snapshot_with_more_values_than_a_page_links_to_the_rest_of_them()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        var id = network.TrondheimCorrection.SnapshotId;
        var snapshot = await client.GetFromJsonAsync<JsonElement>($"/odata/Snapshots({id})?$expand=Values", TestContext.Current.CancellationToken);

        var values = snapshot.GetProperty("Values").EnumerateArray().Select(v => v.Text("KpiCode")).ToList();
        for (var next = snapshot.Text("Values@odata.nextLink"); next is not null;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next, TestContext.Current.CancellationToken);
            var rows = page.GetProperty("value").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            values.AddRange(rows.Select(v => v.Text("KpiCode")));
            next = page.Text("@odata.nextLink");
        }

        Assert.Equal(3, snapshot.GetProperty("Values").GetArrayLength());
        Assert.Equal(network.TrondheimCorrection.Values.Select(v => v.Kpi).Order(), values.Order());
    }

    [Fact]
    public async Task A_costly_read_while_the_gate_is_full_is_a_503_with_retry_after_and_a_cheap_one_is_served()
    {
        using var client = network.Hub.CreateClient();
        var gate = network.Hub.Services.GetRequiredService<CostlyWorkGate>();
        using (var held = await gate.TryEnterAsync(TestContext.Current.CancellationToken))
        {
            Assert.NotNull(held);
            using var refused = await client.GetAsync("/odata/Snapshots?$expand=Values", TestContext.Current.CancellationToken);
            var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
            using var cheap = await client.GetAsync("/odata/Cities?$select=Id", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("Busy", error.Text("code"));
            Assert.Contains("Network:Limits:CostlyWork:MaxConcurrent", error.Text("message"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
        }

        using var served = await client.GetAsync("/odata/Snapshots?$expand=Values", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode); // the slot is given back
    }
}
