using Network.Testing.Hub;
using System.Net;
using System.Text.Json;

namespace Network.Hub.Tests.OData;

/// <summary>Every limit of the feed, and every request it refuses, answered with a 400 that says why in an OData error.</summary>
public sealed class LimitTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task Top_up_to_the_maximum_is_served()
    {
        var rows = await network.RowsAsync("/odata/Kpis?$top=1000");

        Assert.Equal(91, rows.Count);
    }

    [Fact]
    public async Task Top_above_the_maximum_is_refused_with_the_limit_and_what_to_do()
    {
        var (code, message) = await RefusedAsync("/odata/KpiValues?$top=1001");

        Assert.Equal("TopTooLarge", code);
        Assert.Contains("limit of 1000 rows", message, StringComparison.Ordinal);
        Assert.Contains("@odata.nextLink", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expansion_two_levels_deep_is_served_and_three_is_refused()
    {
        var two = await network.RowsAsync("/odata/KpiValues?$top=1&$expand=Snapshot($expand=City)");
        var (_, message) = await RefusedAsync("/odata/Snapshots?$expand=City,Values($expand=Snapshot($expand=City))");

        Assert.NotNull(two[0].GetProperty("Snapshot").GetProperty("City").Text("Name"));
        Assert.Contains("deeper than the feed allows (2 levels", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_over_the_node_count_limit_is_refused()
    {
        var small = string.Join(" or ", Enumerable.Range(1, 10).Select(i => $"Id eq {i}"));
        var large = string.Join(" or ", Enumerable.Range(1, 60).Select(i => $"Id eq {i}"));

        var served = await network.RowsAsync($"/odata/KpiValues?$filter={small}&$select=Id");
        var (code, message) = await RefusedAsync($"/odata/KpiValues?$filter={large}&$select=Id");

        Assert.Equal(10, served.Count);
        Assert.Equal("InvalidQuery", code);
        Assert.Contains("more than 100 parts", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/odata/KpiValues?$filter=Score lt 50", "Score cannot be used in $filter")]
    [InlineData("/odata/KpiValues?$filter=Current eq true and (Rank eq 1 or Value gt 3)", "Rank cannot be used in $filter")]
    [InlineData("/odata/KpiValues?$orderby=Percentile desc", "Percentile cannot be used in $orderby")]
    [InlineData("/odata/KpiValues?$apply=groupby((Band),aggregate($count as Values))", "Band cannot be used in $apply")]
    [InlineData("/odata/KpiValues?$apply=aggregate(Points with sum as Total)", "Points cannot be used in $apply")]
    [InlineData("/odata/Snapshots?$filter=Values/any(v: v/Score gt 90)", "Score cannot be used in $filter")]
    public async Task Engine_columns_cannot_be_filtered_sorted_or_grouped_on(string url, string expected)
    {
        var (code, message) = await RefusedAsync(url);

        Assert.Equal("EngineColumn", code);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("the benchmarking engine computes it", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_columns_in_a_nested_filter_are_refused_by_the_model()
    {
        var (_, message) = await RefusedAsync("/odata/Snapshots?$expand=Values($filter=Score gt 90)");

        Assert.Contains("'Score' cannot be used in the $filter query option", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expanding_from_a_snapshots_values_is_refused_with_the_alternative()
    {
        var (code, message) = await RefusedAsync("/odata/Snapshots?$expand=Values($expand=Kpi)");

        Assert.Equal("ExpansionNotSupported", code);
        Assert.Contains("KpiValues?$filter=SnapshotId eq", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_the_database_cannot_run_is_a_400_not_a_fault()
    {
        var (code, _) = await RefusedAsync("/odata/KpiValues?$filter=year(Snapshot/ReceivedAt) eq 2021"); // date parts on SQLite

        Assert.Equal("QueryNotSupported", code);
    }

    [Theory]
    [InlineData("/odata/KpiValues?$search=Trondheim")]
    [InlineData("/odata/KpiValues?$filter=Nonsense eq 1")]
    [InlineData("/odata/KpiValues?$expand=Keys")]
    public async Task Unsupported_or_malformed_options_are_refused(string url)
    {
        var (code, message) = await RefusedAsync(url);

        Assert.Equal("InvalidQuery", code);
        Assert.NotEmpty(message);
    }

    private async Task<(string Code, string Message)> RefusedAsync(string url)
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        return (error.Text("code")!, error.Text("message")!);
    }
}
