using Network.Testing.Hub;
namespace Network.Hub.Tests.OData;

/// <summary>"Current" and "as published on date D", each a plain URL.</summary>
public sealed class CurrentAndAsOfTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task Current_eq_true_gives_the_values_of_each_city_and_periods_newest_snapshot()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$filter=Current eq true");

        Assert.Equal(
            network.Current.SelectMany(s => s.Values.Select(v => (s.SnapshotId.ToString(), v.Kpi, v.DataPoint, v.Value))).Order(),
            rows.Select(r => (r.Text("SnapshotId")!, r.Text("KpiCode")!, r.Text("DataPoint"), r.Number("Value")!.Value)).Order());
    }

    [Fact]
    public async Task The_superseded_values_stay_and_are_not_current()
    {
        var original = await network.RowsAsync($"/odata/KpiValues?$filter=SnapshotId eq {network.TrondheimOriginal.SnapshotId}");
        var snapshots = await network.RowsAsync("/odata/Snapshots?$filter=CityId eq 'NO-5001' and Period eq 2020&$orderby=IssuedAt");

        Assert.Equal(network.TrondheimOriginal.Values.Count, original.Count);
        Assert.All(original, r => Assert.False(r.Bool("Current")));
        Assert.Equal([false, true], snapshots.Select(s => s.Bool("Current")));
    }

    [Fact]
    public async Task Values_as_of_a_date_before_the_correction_are_those_published_then()
    {
        var rows = await network.RowsAsync($"/odata/ValuesAsOf(date={Date(network.BeforeCorrection)})?$filter=CityId eq 'NO-5001' and Period eq 2020");

        Assert.Equal(network.TrondheimOriginal.Values.Select(v => (v.Kpi, v.DataPoint, v.Value)).Order(),
            rows.Select(r => (r.Text("KpiCode")!, r.Text("DataPoint"), r.Number("Value")!.Value)).Order());
        Assert.All(rows, r => Assert.False(r.Bool("Current"))); // Current says whether it is current now: the correction replaced it
    }

    [Fact]
    public async Task Values_as_of_now_are_the_current_values()
    {
        var asOf = await network.RowsAsync($"/odata/ValuesAsOf(date={Date(DateTimeOffset.UtcNow.AddDays(1))})?$select=Id");
        var current = await network.RowsAsync("/odata/KpiValues?$filter=Current eq true&$select=Id");

        Assert.Equal(current.Select(r => r.Id()).Order(), asOf.Select(r => r.Id()).Order());
        using var client = await network.Hub.CreateMemberClientAsync();
        var count = await client.GetStringAsync($"/odata/ValuesAsOf(date={Date(network.BeforeCorrection)})/$count", TestContext.Current.CancellationToken);
        Assert.Equal(network.CurrentBeforeCorrection.Sum(s => s.Values.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), count);
    }

    [Fact]
    public async Task Values_as_of_a_date_before_anything_was_published_are_none()
    {
        var rows = await network.RowsAsync("/odata/ValuesAsOf(date=2001-01-01T00:00:00Z)");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Values_as_of_a_date_take_every_query_option()
    {
        var page = await network.GetAsync(
            $"/odata/ValuesAsOf(date={Date(network.BeforeCorrection)})?$filter=KpiCode eq 'EC-ICT-ICT-1C' and Period eq 2020&$orderby=Value desc&$select=CityId,Value&$count=true");

        Assert.Equal(4, page.GetProperty("@odata.count").GetInt32());
        Assert.Equal([("NO-3024", 99.0), ("NO-5001", 95.0), ("NO-4601", 93.0), ("NO-1507", 88.0)],
            page.GetProperty("value").EnumerateArray().Select(r => (r.Text("CityId")!, r.Number("Value")!.Value)));
    }

    // An OData DateTimeOffset literal, in UTC to the millisecond: 2026-11-25T00:46:57.123Z.
    internal static string Date(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
