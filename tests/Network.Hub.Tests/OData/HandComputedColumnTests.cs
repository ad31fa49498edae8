namespace Network.Hub.Tests.OData;

/// <summary>
/// The feed's engine columns for a lower-is-better KPI, with numbers worked out by hand (arithmetic in the comments),
/// not by the engine: <c>EngineColumnTests.Current_values_carry_the_engines_score_card_numbers</c> shows the feed
/// passes the engine's numbers through unchanged; this shows they are right.
/// </summary>
public sealed class HandComputedColumnTests(FeedNetwork network) : IClassFixture<FeedNetwork>
{
    [Fact]
    public async Task Unemployment_ranks_the_lowest_first_with_percentiles_over_the_other_reporters_and_the_mean_of_the_middle_two_as_median()
    {
        // Current 2020 unemployment: Bærum 1.1, Trondheim 1.40 (its correction), Ålesund 1.9, Bergen 2.4 (final; its
        // preliminary 2.5 is superseded). Lower is better, n = 4, 3 others: percentile = 100 × (cities worse) / 3.
        //   Bærum 1.1 → 3 worse → 100, rank 1;   Trondheim 1.40 → 2 worse → 66.67, rank 2;
        //   Ålesund 1.9 → 1 worse → 33.33, rank 3;   Bergen 2.4 → 0 worse → 0, rank 4.
        //   Median: 1.1, 1.40 | 1.9, 2.4 → (1.40 + 1.9) / 2 = 1.65. No default target → no score, points or band.
        var rows = await network.RowsAsync(
            "/odata/KpiValues?$filter=Current eq true and KpiCode eq 'EC-P-EM-1C' and Period eq 2020&$select=CityId,Value,Score,Points,Band,Percentile,Rank,ReportingCities,NetworkMedian&$orderby=CityId");

        Assert.Equal(
            [("NO-1507", 1.9, 33.333333333, 3), ("NO-3024", 1.1, 100.0, 1), ("NO-4601", 2.4, 0.0, 4), ("NO-5001", 1.40, 66.666666667, 2)],
            rows.Select(r => (r.Text("CityId")!, r.Number("Value")!.Value, Math.Round(r.Number("Percentile")!.Value, 9), r.Int("Rank")!.Value)));
        Assert.All(rows, r => Assert.Equal((4, 1.65), (r.Int("ReportingCities")!.Value, Math.Round(r.Number("NetworkMedian")!.Value, 9))));
        Assert.All(rows, r => Assert.Equal(((double?)null, (int?)null, (string?)null), (r.Number("Score"), r.Int("Points"), r.Text("Band"))));
    }
}
