using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Tests.Scoring;

/// <summary>
/// Trondheim's values from the UNECE Smart Sustainable City Profile (U4SSC verification 2019/2020), copied from
/// shared/data/city-kpi-values.csv, scored against the default, definition-implied targets.
/// </summary>
public sealed class TrondheimExampleTests
{
    private const string Trondheim = "NO-5001";

    private static readonly NetworkPeriod Period = new NetworkBuilder(2020)
        .Report(Trondheim, "EC-ICT-ICT-1C", 100)     // household internet access: "universal"
        .Report(Trondheim, "EC-ICT-ES-1C", 98.56)    // smart electricity meters
        .Report(Trondheim, "EC-P-EM-1C", 1.34)       // unemployment rate
        .Report(Trondheim, "EC-I-WS-1C", 96.65)      // basic water supply
        .Report(Trondheim, "EC-I-WS-2C", 100)        // potable water supply
        .Report(Trondheim, "EC-I-WS-3C", 28.42)      // water supply loss
        .Report(Trondheim, "EC-I-WS-4C", 93.7)       // wastewater collection
        .Report(Trondheim, "EC-I-WS-5C", 100)        // household sanitation: "universal"
        .Build();

    private static readonly ScoreCard Card = new Scorer(Period, TargetSet.Default).Score(Trondheim);

    [Fact]
    public void Household_internet_access_of_100_percent_reaches_its_target_for_4_points()
    {
        var internet = Card.Kpi("EC-ICT-ICT-1C")!.Value()!;

        Assert.Equal(100, internet.PercentOfTarget);
        Assert.Equal(4, internet.Points);
        Assert.Equal(Band.AtLeast95, internet.Band);
    }

    [Fact]
    public void Smart_electricity_meters_at_98_56_percent_are_98_56_percent_of_target_in_the_top_band()
    {
        var meters = Card.Kpi("EC-ICT-ES-1C")!.Value()!;

        Assert.Equal(98.56, meters.PercentOfTarget!.Value, 9);
        Assert.Equal(4, meters.Points);
        Assert.Equal(
            "98.56 % against the target 100 % from definition-implied 1 (source: implied by the KPI definition (U4SSC publishes no per-KPI targets)): "
            + "98.56 / 100 (higher is better) = 98.56 % of target, 4 points (95%+ Target). "
            + "In the network: the only city that reported it, so no percentile.",
            meters.Explanation);
    }

    [Fact]
    public void Unemployment_has_no_default_target_so_it_has_a_standing_but_no_points()
    {
        var unemployment = Card.Kpi("EC-P-EM-1C")!;

        Assert.Null(unemployment.Points);
        Assert.Null(unemployment.Value()!.Target);
        Assert.Equal(1, unemployment.Value()!.Standing.ReportingCount);
        Assert.Equal(1.34, unemployment.Value()!.Standing.NetworkMedian);
    }

    [Fact]
    public void Water_and_sanitation_counts_the_four_coverage_KPIs_and_leaves_water_loss_without_a_target_out()
    {
        var water = Card.RollUp("EC-I-WS");

        // 96.65 → 4, 100 → 4, 93.7 → 3, 100 → 4; water supply loss (28.42 %) has no target.
        Assert.Equal(["EC-I-WS-1C 4", "EC-I-WS-2C 4", "EC-I-WS-4C 3", "EC-I-WS-5C 4"],
            water.Kpis.Where(k => k.Points is not null).Select(k => $"{k.Code} {k.Points}"));
        Assert.Equal(15, water.Points);
        Assert.Equal(16, water.MaxPoints);
        Assert.Equal(93.75, water.Percentage);
        Assert.Equal(Band.From66To95, water.Band);
        Assert.Contains("Not counted, no target: EC-I-WS-3C.", water.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_economy_dimension_sums_the_points_of_every_scored_KPI_beneath_it()
    {
        var economy = Card.RollUp("EC");

        Assert.Equal(RollUpLevel.Dimension, economy.Level);
        Assert.Equal("Economy", economy.Name);
        Assert.Equal(4 + 4 + 15, economy.Points);
        Assert.Equal(24, economy.MaxPoints);
        Assert.Equal(8, economy.Kpis.Count);
        Assert.Equal(45 - 8, economy.NotReported.Count);
    }
}
