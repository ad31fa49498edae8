using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Tests.Standings;

public sealed class StandingTests
{
    [Fact]
    public void Ranks_higher_is_better_values_with_mid_rank_percentiles_for_ties()
    {
        var period = new NetworkBuilder()
            .Report("EC-ICT-ICT-1C", ("NO-0001", 10), ("NO-0002", 20), ("NO-0003", 20), ("NO-0004", 30))
            .Build();
        var internet = period.Distribution(new KpiKey("EC-ICT-ICT-1C"));

        // The share of the other reporting cities a city beats, a tie counting half.
        Assert.Equal(new Standing(0, 4, 4, 20), internet.StandingOf("NO-0001"));
        Assert.Equal(new Standing(50, 2, 4, 20), internet.StandingOf("NO-0002"));
        Assert.Equal(new Standing(50, 2, 4, 20), internet.StandingOf("NO-0003"));
        Assert.Equal(new Standing(100, 1, 4, 20), internet.StandingOf("NO-0004"));
    }

    [Fact]
    public void Ranks_lower_is_better_values_lowest_first()
    {
        var period = new NetworkBuilder()
            .Report("EC-P-EM-1C", ("NO-5001", 1.34), ("SE-0180", 3.0), ("DK-101", 5.0))
            .Build();
        var unemployment = period.Distribution(new KpiKey("EC-P-EM-1C"));

        Assert.Equal(new Standing(100, 1, 3, 3.0), unemployment.StandingOf("NO-5001"));
        Assert.Equal(new Standing(50, 2, 3, 3.0), unemployment.StandingOf("SE-0180"));
        Assert.Equal(new Standing(0, 3, 3, 3.0), unemployment.StandingOf("DK-101"));
    }

    [Fact]
    public void Ranks_gender_income_equity_by_closeness_to_parity_from_either_side()
    {
        var period = new NetworkBuilder()
            .Report("SC-SH-SI-1C", ("NO-0001", 0.73), ("NO-0002", 0.9), ("NO-0003", 1.0), ("NO-0004", 1.25))
            .Build();
        var equity = period.Distribution(new KpiKey("SC-SH-SI-1C"));

        Assert.Equal([4, 2, 1, 3], new[] { "NO-0001", "NO-0002", "NO-0003", "NO-0004" }.Select(c => equity.StandingOf(c)!.Rank!.Value));
        Assert.Equal(100.0 / 3, equity.StandingOf("NO-0004")!.Percentile!.Value, 9);
        Assert.Equal(0.95, equity.Median);
    }

    [Fact]
    public void A_city_alone_in_reporting_a_KPI_has_rank_1_and_no_percentile()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-1C", 100)
            .Report("NO-3024", "EC-ICT-ICT-2C", 80)
            .Build();

        var standing = period.Distribution(new KpiKey("EC-ICT-ICT-1C")).StandingOf("NO-5001")!;

        Assert.Null(standing.Percentile);
        Assert.Equal(1, standing.Rank);
        Assert.Equal(1, standing.ReportingCount);
        Assert.Equal(100, standing.NetworkMedian);
    }

    [Fact]
    public void Cities_tied_with_everyone_stand_in_the_middle()
    {
        var period = new NetworkBuilder().Report("EC-ICT-ICT-1C", ("NO-0001", 100), ("NO-0002", 100), ("NO-0003", 100)).Build();

        var standing = period.Distribution(new KpiKey("EC-ICT-ICT-1C")).StandingOf("NO-0002")!;

        Assert.Equal((50.0, 1), (standing.Percentile!.Value, standing.Rank!.Value));
    }

    [Fact]
    public void The_network_median_is_the_middle_value_or_the_mean_of_the_middle_two()
    {
        var odd = new NetworkBuilder().Report("EN-EN-AQ-2C", ("NO-5001", 2.46), ("FI-091", 7.4), ("FR-75056", 7.7)).Build();
        var even = new NetworkBuilder().Report("EN-EN-AQ-2C", ("NO-5001", 2.46), ("FI-091", 7.4), ("FR-75056", 7.7), ("DE-11000000", 10.4)).Build();

        Assert.Equal(7.4, odd.Distribution(new KpiKey("EN-EN-AQ-2C")).Median);
        Assert.Equal(7.55, even.Distribution(new KpiKey("EN-EN-AQ-2C")).Median!.Value, 9);
        Assert.Equal(4, even.Distribution(new KpiKey("EN-EN-AQ-2C")).ReportingCount);
    }

    // The binary mean of 7.4 and 7.7 is 7.550000000000001, which every output showing the median printed.
    [Theory]
    [InlineData(7.4, 7.7, "7.55")]
    [InlineData(6.22, 8.88, "7.55")]
    [InlineData(6.0, 6.28, "6.14")]
    [InlineData(6.0, 7.12, "6.56")]
    [InlineData(0.1, 0.2, "0.15")]
    [InlineData(1234567.5, 1234568.25, "1234567.875")]
    public void The_mean_of_the_middle_two_has_no_float_noise(double lower, double upper, string printed)
    {
        var period = new NetworkBuilder().Report("EN-EN-AQ-2C", ("NO-5001", lower), ("FI-091", upper)).Build();

        var median = period.Distribution(new KpiKey("EN-EN-AQ-2C")).Median!.Value;

        Assert.Equal(printed, median.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(median, period.Distribution(new KpiKey("EN-EN-AQ-2C")).StandingOf("NO-5001")!.NetworkMedian);
    }

    [Fact]
    public void A_KPI_nobody_reported_has_no_median_and_no_standings()
    {
        var period = new NetworkBuilder().Report("NO-5001", "EC-ICT-ICT-1C", 100).Build();

        var patents = period.Distribution(new KpiKey("EC-P-IN-2C"));

        Assert.Equal(0, patents.ReportingCount);
        Assert.Null(patents.Median);
        Assert.Null(patents.StandingOf("NO-5001"));
    }

    [Fact]
    public void Data_points_stand_separately()
    {
        var period = new NetworkBuilder()
            .Report("NO-0001", "EN-EN-AQ-1C", 10, dataPoint: "PM10")
            .Report("NO-0002", "EN-EN-AQ-1C", 20, dataPoint: "PM10")
            .Report("NO-0001", "EN-EN-AQ-1C", 30, dataPoint: "NO2")
            .Build();

        Assert.Equal(2, period.Distribution(new KpiKey("EN-EN-AQ-1C", "PM10")).ReportingCount);
        Assert.Equal(1, period.Distribution(new KpiKey("EN-EN-AQ-1C", "NO2")).ReportingCount);
        Assert.Equal(100, period.Distribution(new KpiKey("EN-EN-AQ-1C", "PM10")).StandingOf("NO-0001")!.Percentile);
    }

    [Fact]
    public void Rolls_the_mean_percentile_up_over_the_reported_KPIs_that_have_one()
    {
        var period = new NetworkBuilder()
            .Report("EC-ICT-ICT-1C", ("NO-0001", 100), ("NO-0002", 90), ("NO-0003", 80))   // NO-0001: 100
            .Report("EC-ICT-ICT-2C", ("NO-0001", 50), ("NO-0002", 60), ("NO-0003", 70))    // NO-0001: 0
            .Report("NO-0001", "EC-ICT-ICT-5C", 12)                                        // alone: no percentile
            .Build();

        var ict = new Scorer(period, TargetSet.Default).Score("NO-0001").RollUp("EC-ICT-ICT");

        Assert.Equal(50, ict.MeanPercentile);
        Assert.Equal(2, ict.PercentileCount);
        Assert.Contains("Mean network percentile 50 over 2 KPIs.", ict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_KPI_or_data_point_the_catalogue_does_not_have() =>
        Assert.Throws<KeyNotFoundException>(() => new NetworkBuilder().Build().Distribution(new KpiKey("EC-ICT-ICT-4C", "5G")));
}
