using Network.Testing.Hub;
using System.Globalization;

namespace Network.Hub.Tests.OData;

/// <summary>Each OData query option over the stored values, answered by the database (SQLite here).</summary>
public sealed class QueryOptionTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task Filter_narrows_to_the_matching_stored_values()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$filter=KpiCode eq 'EC-P-EM-1C' and Value lt 2");

        var expected = network.Published.SelectMany(s => s.Values.Where(v => v.Kpi == "EC-P-EM-1C" && v.Value < 2).Select(v => (s.CityId, v.Value)));
        Assert.Equal(expected.Order(), rows.Select(r => (r.Text("CityId")!, r.Number("Value")!.Value)).Order());
    }

    [Fact]
    public async Task Filter_reaches_the_kpi_city_and_snapshot_through_their_navigations()
    {
        var environment = await network.RowsAsync("/odata/KpiValues?$filter=Kpi/Dimension eq 'Environment' and Current eq true");
        var bergen = await network.RowsAsync("/odata/KpiValues?$filter=City/Name eq 'Bergen' and Snapshot/Status eq 'preliminary'");

        Assert.Equal(["NO-3024", "NO-4601", "NO-5001"], environment.Select(r => r.Text("CityId")).Order());
        Assert.All(environment, r => Assert.Equal("EN-EN-AQ-2C", r.Text("KpiCode")));
        Assert.Equal([2.5, 90.0], bergen.Select(r => r.Number("Value")!.Value).Order());
    }

    [Fact]
    public async Task Quality_and_status_read_as_the_snapshot_formats_wire_names()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$filter=Quality eq 'survey-extrapolated'");
        var corrections = await network.RowsAsync("/odata/Snapshots?$filter=Status eq 'correction'");

        var row = Assert.Single(rows);
        Assert.Equal(("NO-3024", "EN-EN-AQ-2C", "survey-extrapolated"), (row.Text("CityId"), row.Text("KpiCode"), row.Text("Quality")));
        Assert.Equal(network.TrondheimCorrection.SnapshotId.ToString(), Assert.Single(corrections).Text("Id"));
        Assert.Equal(network.TrondheimOriginal.SnapshotId.ToString(), corrections[0].Text("Supersedes"));
    }

    [Fact]
    public async Task Select_returns_only_the_named_columns()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$select=CityId,Value&$top=3");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(["CityId", "Value"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Orderby_top_and_skip_page_through_a_sorted_result()
    {
        var all = network.Published.SelectMany(s => s.Values).Select(v => v.Value).OrderDescending().ToArray();

        var rows = await network.RowsAsync("/odata/KpiValues?$orderby=Value desc,Id&$skip=2&$top=5&$select=Value");

        Assert.Equal(all.Skip(2).Take(5), rows.Select(r => r.Number("Value")!.Value));
    }

    [Fact]
    public async Task Count_counts_the_filtered_rows_before_top()
    {
        var page = await network.GetAsync("/odata/KpiValues?$filter=Current eq true&$count=true&$top=1");
        using var client = await network.Hub.CreateMemberClientAsync();
        var raw = await client.GetStringAsync("/odata/KpiValues/$count?$filter=Period eq 2019", TestContext.Current.CancellationToken);

        Assert.Equal(network.Current.Sum(s => s.Values.Count), page.GetProperty("@odata.count").GetInt32());
        Assert.Single(page.GetProperty("value").EnumerateArray());
        Assert.Equal(network.Published.Where(s => s.Period == 2019).Sum(s => s.Values.Count), int.Parse(raw, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Expand_brings_the_city_kpi_and_snapshot_of_a_value()
    {
        var rows = await network.RowsAsync(
            "/odata/KpiValues?$filter=CityId eq 'NO-1507' and KpiCode eq 'EC-ICT-ES-1C'&$expand=City($select=Name),Kpi($select=Name,Category,Direction),Snapshot($select=Status,Period;$expand=City($select=Id))");

        var row = Assert.Single(rows);
        Assert.Equal("Ålesund", row.GetProperty("City").Text("Name"));
        Assert.Equal(("Smart Electricity Meters", "Electricity Supply", "higherIsBetter"),
            (row.GetProperty("Kpi").Text("Name"), row.GetProperty("Kpi").Text("Category"), row.GetProperty("Kpi").Text("Direction")));
        Assert.Equal(("final", 2020), (row.GetProperty("Snapshot").Text("Status"), row.GetProperty("Snapshot").Int("Period")));
        Assert.Equal("NO-1507", row.GetProperty("Snapshot").GetProperty("City").Text("Id"));
        Assert.Equal(("assumption-estimated", "roll-out half done"), (row.Text("Quality"), row.Text("Note")));
    }

    [Fact]
    public async Task Expand_brings_a_snapshots_values_and_filters_snapshots_by_them()
    {
        var snapshots = await network.RowsAsync(
            $"/odata/Snapshots?$filter=Id eq {network.TrondheimCorrection.SnapshotId}&$expand=Values($select=KpiCode,DataPoint,Value;$orderby=Id)");
        var withHighValues = await network.RowsAsync("/odata/Snapshots?$filter=Values/any(v: v/Value gt 99)&$select=Id");

        var values = Assert.Single(snapshots).GetProperty("Values").EnumerateArray().ToList();
        Assert.Equal(network.TrondheimCorrection.Values.Select(v => (v.Kpi, v.DataPoint, v.Value)),
            values.Select(v => (v.Text("KpiCode")!, v.Text("DataPoint"), v.Number("Value")!.Value)));
        Assert.Equal(network.TrondheimCorrection.Values.Count, snapshots[0].Int("ValueCount"));
        Assert.Equal(
            network.Published.Where(s => s.Values.Any(v => v.Value > 99)).Select(s => s.SnapshotId.ToString()).Order(),
            withHighValues.Select(s => s.Text("Id")).Order());
    }

    [Fact]
    public async Task Apply_groups_and_averages_in_the_database()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$apply=groupby((KpiCode),aggregate(Value with average as Average))");

        var expected = network.Published.SelectMany(s => s.Values).GroupBy(v => v.Kpi).ToDictionary(g => g.Key, g => g.Average(v => v.Value));
        Assert.Equal(expected.Keys.Order(), rows.Select(r => r.Text("KpiCode")!).Order());
        Assert.All(rows, r => Assert.Equal(expected[r.Text("KpiCode")!], r.Number("Average")!.Value, 12));
    }

    [Fact]
    public async Task Apply_filters_then_groups_by_a_kpi_property_and_counts()
    {
        var rows = await network.RowsAsync(
            "/odata/KpiValues?$apply=filter(Current eq true and Period eq 2020)/groupby((Kpi/Category),aggregate($count as Values,Value with max as Highest))");

        var byCategory = rows.ToDictionary(r => r.GetProperty("Kpi").Text("Category")!, r => (r.Int("Values"), r.Number("Highest")));
        Assert.Equal((7, 99.5), byCategory["ICT Infrastructure"]); // 1C of four cities, 4C of Trondheim (3G, 4G) and Bergen (4G)
        Assert.Equal((4, 2.4), byCategory["Employment"]);
        Assert.Equal(5, byCategory.Count);
    }

    [Fact]
    public async Task Cities_and_kpis_are_entity_sets_of_their_own()
    {
        var cities = await network.RowsAsync("/odata/Cities?$orderby=Name");
        var lowerIsBetter = await network.RowsAsync("/odata/Kpis?$filter=Direction eq 'lowerIsBetter' and Dimension eq 'Economy'&$select=Code");
        var kpi = await network.GetAsync("/odata/Kpis('EN-EN-AQ-2C')");

        Assert.Equal(["Bergen", "Bærum", "Trondheim", "Ålesund"], cities.Select(c => c.Text("Name")));
        Assert.Contains("EC-P-EM-1C", lowerIsBetter.Select(k => k.Text("Code")));
        Assert.Equal(("GHG Emissions", "Air Quality", "tCO2e per capita per year"), (kpi.Text("Name"), kpi.Text("Category"), kpi.Text("Unit")));
    }

    [Fact]
    public async Task One_value_is_addressed_by_its_key_and_an_unknown_key_is_a_404()
    {
        var first = (await network.RowsAsync("/odata/KpiValues?$top=1&$select=Id"))[0].Id();
        var row = await network.GetAsync($"/odata/KpiValues({first})?$select=Id,KpiCode");
        using var client = await network.Hub.CreateMemberClientAsync();
        using var missing = await client.GetAsync("/odata/KpiValues(999999)", TestContext.Current.CancellationToken);

        Assert.Equal(first, row.Id());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no stored value 999999", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verified_is_true_where_the_newest_verdict_on_the_value_says_verified()
    {
        var verified = await network.RowsAsync("/odata/KpiValues?$filter=Verified eq true&$select=CityId,Period,KpiCode,DataPoint,Value,Unit");
        var all = await network.RowsAsync("/odata/KpiValues?$select=CityId,Period,KpiCode,DataPoint,Value,Unit,Verified");

        var expected = network.Published.Sum(s => s.Values.Count(v => network.IsVerified(s.CityId, s.Period, v.Kpi, v.DataPoint, v.Value, v.Unit)));
        Assert.Equal(expected, verified.Count);
        Assert.InRange(expected, 3, network.ValueCount - 3); // both answers occur
        Assert.Equal(network.ValueCount, all.Count);
        Assert.All(all, r => Assert.Equal(
            network.IsVerified(r.Text("CityId")!, r.Int("Period")!.Value, r.Text("KpiCode")!, r.Text("DataPoint"), r.Number("Value")!.Value, r.Text("Unit")!),
            r.Bool("Verified")));
    }

    [Fact]
    public async Task A_data_point_is_null_for_a_kpi_reported_as_one_number()
    {
        var coverage = await network.RowsAsync($"/odata/KpiValues?$filter=SnapshotId eq {network.TrondheimCorrection.SnapshotId} and DataPoint ne null&$select=DataPoint,Value");
        var single = await network.RowsAsync($"/odata/KpiValues?$filter=SnapshotId eq {network.TrondheimCorrection.SnapshotId} and DataPoint eq null&$select=KpiCode");

        Assert.Equal([("3G", 99.0), ("4G", 99.5)], coverage.Select(r => (r.Text("DataPoint")!, r.Number("Value")!.Value)).Order());
        Assert.Equal(5, single.Count);
    }
}
