using Network.Benchmarking.Scoring;
using Network.Testing;
using Testcontainers.MsSql;

namespace Network.Hub.Tests.OData;

/// <summary>The feed network on SQL Server, the production provider.</summary>
public sealed class SqlServerFeedNetwork(string connectionString) : FeedNetwork(new Dictionary<string, string?>
{
    ["Network:Storage:Provider"] = "SqlServer",
    ["Network:Storage:ConnectionString"] = connectionString,
});

/// <summary>
/// The query options pushed down to SQL Server (the KPI table, wire-name CASEs, current-snapshot subqueries, $apply)
/// and the engine columns beside them. Skipped with the reason when no Docker engine is reachable; the same queries
/// run on SQLite in the other feed tests.
/// </summary>
public sealed class SqlServerFeedTests
{
    [Fact]
    public async Task Filter_expand_apply_as_of_and_engine_columns_run_on_sql_server()
    {
        DockerEngine.Require("the SQL Server feed test runs SQL Server through Testcontainers and needs one. The same queries run on SQLite in the other feed tests.");
        await using var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync(TestContext.Current.CancellationToken);
        var network = new SqlServerFeedNetwork(container.GetConnectionString());
        await using var _ = network;
        await network.InitializeAsync();

        var environment = await network.RowsAsync("/odata/KpiValues?$filter=Kpi/Dimension eq 'Environment' and Current eq true and Quality eq 'survey-extrapolated'&$expand=City($select=Name)");
        var byCategory = await network.RowsAsync("/odata/KpiValues?$apply=filter(Current eq true and Period eq 2020)/groupby((Kpi/Category),aggregate($count as Values))");
        var asOf = await network.RowsAsync($"/odata/ValuesAsOf(date={CurrentAndAsOfTests.Date(network.BeforeCorrection)})?$filter=CityId eq 'NO-5001' and KpiCode eq 'EC-ICT-ICT-1C' and Period eq 2020&$select=Value,Score,Rank");
        var current = await network.RowsAsync("/odata/KpiValues?$filter=Current eq true and KpiCode eq 'EC-ICT-ICT-1C' and Period eq 2020&$select=CityId,Score,Band,Rank&$orderby=CityId");
        var nested = await network.RowsAsync($"/odata/Snapshots?$filter=Id eq {network.TrondheimCorrection.SnapshotId}&$expand=Values($top=2;$orderby=Value desc;$select=Value)");

        Assert.Equal("Bærum", Assert.Single(environment).GetProperty("City").Text("Name"));
        Assert.Equal(7, byCategory.Single(r => r.GetProperty("Kpi").Text("Category") == "ICT Infrastructure").Int("Values"));
        Assert.Equal((95.0, 95.0, 2), (asOf.Single().Number("Value"), asOf[0].Number("Score"), asOf[0].Int("Rank")));
        var cards = FeedNetwork.ScoreCards(network.Current, 2020);
        Assert.All(current, r =>
        {
            var expected = cards[r.Text("CityId")!].Kpi("EC-ICT-ICT-1C")!.Value()!;
            Assert.Equal((expected.PercentOfTarget, Bands.LabelOf(expected.Band!.Value), expected.Standing.Rank), (r.Number("Score"), r.Text("Band"), r.Int("Rank")));
        });
        Assert.Equal([100.0, 99.5], nested.Single().GetProperty("Values").EnumerateArray().Select(v => v.Number("Value")!.Value));
    }
}
