using System.Text.Json;
using Network.Benchmarking.Scoring;
using Network.Contracts.Snapshots;

namespace Network.Hub.Tests.OData;

/// <summary>The engine's columns equal the engine's own score cards for the same data, and never belong to another value.</summary>
public sealed class EngineColumnTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task Current_values_carry_the_engines_score_card_numbers()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$filter=Current eq true");

        AssertMatchScoreCards(rows, network.Current);
        Assert.Contains(rows, r => r.Number("Score") is not null && r.Int("Rank") is not null); // the comparison compared something
    }

    [Fact]
    public async Task Values_as_of_a_date_carry_the_scores_they_had_then()
    {
        var rows = await network.RowsAsync($"/odata/ValuesAsOf(date={CurrentAndAsOfTests.Date(network.BeforeCorrection)})");

        AssertMatchScoreCards(rows, network.CurrentBeforeCorrection);
        var trondheim = rows.Single(r => r.Text("CityId") == "NO-5001" && r.Int("Period") == 2020 && r.Text("KpiCode") == "EC-ICT-ICT-1C");
        Assert.Equal((95.0, 2), (trondheim.Number("Score"), trondheim.Int("Rank")));
    }

    [Fact]
    public async Task A_superseded_value_has_no_engine_columns()
    {
        var rows = await network.RowsAsync("/odata/KpiValues?$filter=Current eq false");

        Assert.Equal(network.ValueCount - network.Current.Sum(s => s.Values.Count), rows.Count);
        Assert.All(rows, r => Assert.All(EngineColumnNames, c => Assert.Equal(JsonValueKind.Null, r.GetProperty(c).ValueKind)));
    }

    [Fact]
    public async Task Selected_engine_columns_come_with_the_page_and_a_snapshots_expanded_values()
    {
        var selected = await network.RowsAsync("/odata/KpiValues?$filter=Current eq true and KpiCode eq 'EC-ICT-ICT-1C' and Period eq 2020&$select=CityId,Score,Points,Band,Rank,ReportingCities&$orderby=CityId");
        var expanded = await network.RowsAsync($"/odata/Snapshots?$filter=Id eq {network.TrondheimCorrection.SnapshotId}&$select=Id&$expand=Values($select=KpiCode,DataPoint,Value,Score,Percentile,Rank)");

        Assert.Equal(
            [("NO-1507", 88.0, 3, "66–95% of Target", 4, 4), ("NO-3024", 99.0, 4, "95%+ Target", 1, 4), ("NO-4601", 93.0, 3, "66–95% of Target", 3, 4), ("NO-5001", 97.0, 4, "95%+ Target", 2, 4)],
            selected.Select(r => (r.Text("CityId")!, r.Number("Score")!.Value, r.Int("Points")!.Value, r.Text("Band")!, r.Int("Rank")!.Value, r.Int("ReportingCities")!.Value)));
        var cards = FeedNetwork.ScoreCards(network.Current, 2020);
        foreach (var value in expanded.Single().GetProperty("Values").EnumerateArray())
        {
            var expected = cards["NO-5001"].Kpi(value.Text("KpiCode")!)!.Value(value.Text("DataPoint"))!;
            Assert.Equal((expected.PercentOfTarget, expected.Standing.Percentile, expected.Standing.Rank), (value.Number("Score"), value.Number("Percentile"), value.Int("Rank")));
        }
    }

    private static readonly string[] EngineColumnNames = ["Score", "Points", "Band", "Target", "Percentile", "Rank", "ReportingCities", "NetworkMedian", "Explanation"];

    private void AssertMatchScoreCards(List<JsonElement> rows, IReadOnlyList<Snapshot> current)
    {
        Assert.Equal(current.Sum(s => s.Values.Count), rows.Count);
        foreach (var period in rows.Select(r => r.Int("Period")!.Value).Distinct())
        {
            var cards = FeedNetwork.ScoreCards(current, period);
            foreach (var row in rows.Where(r => r.Int("Period") == period))
            {
                var expected = cards[row.Text("CityId")!].Kpi(row.Text("KpiCode")!)!.Value(row.Text("DataPoint"));
                Assert.NotNull(expected);
                var where = $"{row.Text("CityId")} {period} {row.Text("KpiCode")} {row.Text("DataPoint")}";
                Assert.True(expected.Value == row.Number("Value"), where);
                Assert.Equal(expected.PercentOfTarget, row.Number("Score"));
                Assert.Equal(expected.Points, row.Int("Points"));
                Assert.Equal(expected.Band is { } band ? Bands.LabelOf(band) : null, row.Text("Band"));
                Assert.Equal(expected.Target?.Value, row.Number("Target"));
                Assert.Equal(expected.Standing.Percentile, row.Number("Percentile"));
                Assert.Equal(expected.Standing.Rank, row.Int("Rank"));
                Assert.Equal(expected.Standing.ReportingCount, row.Int("ReportingCities"));
                Assert.Equal(expected.Standing.NetworkMedian, row.Number("NetworkMedian"));
                Assert.Equal(expected.Explanation, row.Text("Explanation"));
                Assert.Equal(network.IsVerified(row.Text("CityId")!, period, row.Text("KpiCode")!, row.Text("DataPoint"), expected.Value, row.Text("Unit")!), row.Bool("Verified"));
            }
        }
    }
}
