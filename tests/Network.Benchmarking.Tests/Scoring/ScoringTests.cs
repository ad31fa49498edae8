using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests.Scoring;

public sealed class ScoringTests
{
    [Fact]
    public void Scores_unemployment_lower_is_better_against_a_coordinators_target()
    {
        var targets = TestTargets.Of("EC-P-EM-1C,,4,national employment strategy 2030,");
        var period = new NetworkBuilder()
            .Report("EC-P-EM-1C", ("NO-5001", 1.34), ("SE-0180", 8), ("DK-101", 20))
            .Build();
        var scorer = new Scorer(period, targets);

        var trondheim = scorer.Score("NO-5001").Kpi("EC-P-EM-1C")!.Value()!;
        var stockholm = scorer.Score("SE-0180").Kpi("EC-P-EM-1C")!.Value()!;
        var copenhagen = scorer.Score("DK-101").Kpi("EC-P-EM-1C")!.Value()!;

        Assert.Equal((100.0, 4), (trondheim.PercentOfTarget!.Value, trondheim.Points!.Value));
        Assert.Equal((50.0, 2), (stockholm.PercentOfTarget!.Value, stockholm.Points!.Value));
        Assert.Equal((20.0, 1), (copenhagen.PercentOfTarget!.Value, copenhagen.Points!.Value));
        Assert.Contains("4 / 8 (lower is better) = 50 % of target, 2 points", stockholm.Explanation, StringComparison.Ordinal);
        Assert.Contains("source: national employment strategy 2030", stockholm.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_gender_income_equity_by_closeness_to_its_target_either_side()
    {
        var targets = TestTargets.Of("SC-SH-SI-1C,,1,parity,");
        var period = new NetworkBuilder()
            .Report("SC-SH-SI-1C", ("NO-5001", 0.73), ("SE-0180", 1.25), ("DK-101", 0.97))
            .Build();
        var scorer = new Scorer(period, targets);

        Assert.Equal(73, scorer.Score("NO-5001").Kpi("SC-SH-SI-1C")!.Value()!.PercentOfTarget!.Value, 9);
        Assert.Equal(3, scorer.Score("NO-5001").Kpi("SC-SH-SI-1C")!.Points);
        Assert.Equal(80, scorer.Score("SE-0180").Kpi("SC-SH-SI-1C")!.Value()!.PercentOfTarget!.Value, 9);
        Assert.Equal(4, scorer.Score("DK-101").Kpi("SC-SH-SI-1C")!.Points);
    }

    [Fact]
    public void Caps_a_value_beyond_its_target_at_100_percent()
    {
        var period = new NetworkBuilder().Report("NO-5001", "SC-EH-H-3C", 500).Build();   // physicians per 100,000

        var physicians = new Scorer(period, TestTargets.Of("SC-EH-H-3C,,300,test,")).Score("NO-5001").Kpi("SC-EH-H-3C")!.Value()!;

        Assert.Equal(100, physicians.PercentOfTarget);
        Assert.Contains("at or above the target", physicians.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_roll_up_counts_only_KPIs_with_both_a_value_and_a_target()
    {
        // ICT Infrastructure: internet access (target, reported), fixed broadband (no target, reported),
        // wireless subscriptions (target, not reported), Wi-Fi hotspots and coverage (neither).
        var targets = TestTargets.Of("EC-ICT-ICT-1C,,100,test,", "EC-ICT-ICT-3C,,100000,test,");
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-1C", 50)
            .Report("NO-5001", "EC-ICT-ICT-2C", 90)
            .Build();

        var ict = new Scorer(period, targets).Score("NO-5001").RollUp("EC-ICT-ICT");

        Assert.Equal(2, ict.Points);
        Assert.Equal(4, ict.MaxPoints);
        Assert.Equal(50, ict.Percentage);
        Assert.Equal(["EC-ICT-ICT-1C", "EC-ICT-ICT-2C"], ict.Kpis.Select(k => k.Code));
        Assert.Equal(["EC-ICT-ICT-3C", "EC-ICT-ICT-4C", "EC-ICT-ICT-5C"], ict.NotReported);
    }

    [Fact]
    public void A_roll_up_without_any_scored_KPI_has_no_percentage_and_no_band()
    {
        var period = new NetworkBuilder().Report("NO-5001", "EC-P-EM-1C", 1.34).Build();

        var employment = new Scorer(period, TargetSet.Default).Score("NO-5001").RollUp("EC-P-EM");

        Assert.Equal(0, employment.MaxPoints);
        Assert.Null(employment.Percentage);
        Assert.Null(employment.Band);
        Assert.Contains("no score: none of the KPIs the city reported has a target", employment.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_KPI_with_data_points_counts_once_with_the_mean_of_its_data_points_points()
    {
        var targets = TestTargets.Of("EC-ICT-ICT-4C,3G,100,test,", "EC-ICT-ICT-4C,4G,100,test,", "EC-ICT-ICT-1C,,100,test,");
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-4C", 50, dataPoint: "3G")   // 2 points
            .Report("NO-5001", "EC-ICT-ICT-4C", 99, dataPoint: "4G")   // 4 points
            .Report("NO-5001", "EC-ICT-ICT-1C", 100)                   // 4 points
            .Build();

        var card = new Scorer(period, targets).Score("NO-5001");
        var coverage = card.Kpi("EC-ICT-ICT-4C")!;

        Assert.Equal([2, 4], coverage.Values.Select(v => v.Points!.Value));
        Assert.Equal(3, coverage.Points);
        Assert.Equal(Band.From66To95, coverage.Band);
        Assert.Equal(7, card.RollUp("EC-ICT-ICT").Points);
        Assert.Equal(8, card.RollUp("EC-ICT-ICT").MaxPoints);
    }

    [Fact]
    public void Data_points_without_a_target_do_not_lower_their_KPIs_points()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-4C", 0, dataPoint: "3G")      // switched off; the default set has no 3G target
            .Report("NO-5001", "EC-ICT-ICT-4C", 99.8, dataPoint: "4G")
            .Build();

        var coverage = new Scorer(period, TargetSet.Default).Score("NO-5001").Kpi("EC-ICT-ICT-4C")!;

        Assert.Equal(4, coverage.Points);
        Assert.Null(coverage.Value("3G")!.Points);
        Assert.Contains("4 points: the mean over its data points with a target (3G no target, 4G 4)", coverage.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composition_without_direction_is_reported_but_neither_scored_nor_ranked()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-I-T-4A", 10, dataPoint: "cycling")
            .Report("SE-0180", "EC-I-T-4A", 30, dataPoint: "cycling")
            .Build();

        var cycling = new Scorer(period, TargetSet.Default).Score("NO-5001").Kpi("EC-I-T-4A")!.Value("cycling")!;

        Assert.Null(cycling.Points);
        Assert.Null(cycling.Standing.Percentile);
        Assert.Null(cycling.Standing.Rank);
        Assert.Equal(2, cycling.Standing.ReportingCount);
        Assert.Equal(20, cycling.Standing.NetworkMedian);
    }

    [Fact]
    public void Carries_data_quality_and_verification_through_without_changing_the_score()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-1C", 90, quality: DataQuality.Measured, verified: true)
            .Report("NO-3024", "EC-ICT-ICT-1C", 90, quality: DataQuality.PersonalEstimate, verified: false)
            .Build();
        var scorer = new Scorer(period, TargetSet.Default);

        var measured = scorer.Score("NO-5001").Kpi("EC-ICT-ICT-1C")!.Value()!;
        var estimated = scorer.Score("NO-3024").Kpi("EC-ICT-ICT-1C")!.Value()!;

        Assert.Equal((DataQuality.Measured, true), (measured.Quality, measured.Verified));
        Assert.Equal((DataQuality.PersonalEstimate, false), (estimated.Quality, estimated.Verified));
        Assert.Equal(measured.Points, estimated.Points);
        Assert.Equal(measured.PercentOfTarget, estimated.PercentOfTarget);
        Assert.Equal(measured.Standing, estimated.Standing);
    }

    [Fact]
    public void Names_the_target_set_on_the_card_and_every_score()
    {
        var period = new NetworkBuilder().Report("NO-5001", "EC-ICT-ICT-1C", 100).Build();

        var card = new Scorer(period, TargetSet.Default).Score("NO-5001");

        Assert.Same(TargetSet.Default, card.TargetSet);
        Assert.Equal(TargetSet.DefinitionImpliedSource, card.Kpi("EC-ICT-ICT-1C")!.Value()!.Target!.Source);
        Assert.Contains("from definition-implied 1", card.Kpi("EC-ICT-ICT-1C")!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Lays_out_every_category_sub_dimension_and_dimension_of_the_catalogue()
    {
        var card = new Scorer(new NetworkBuilder().Report("NO-5001", "EC-ICT-ICT-1C", 100).Build(), TargetSet.Default).Score("NO-5001");

        Assert.Equal(27, card.Categories.Count);
        Assert.Equal(7, card.SubDimensions.Count);
        Assert.Equal(["EC", "EN", "SC"], card.Dimensions.Select(d => d.Code));
        Assert.Equal("Education, Health and Culture", card.RollUp("SC-EH").Name);
        Assert.Throws<KeyNotFoundException>(() => card.RollUp("XX"));
    }

    [Fact]
    public void Refuses_to_score_a_city_that_reported_nothing_for_the_period()
    {
        var scorer = new Scorer(new NetworkBuilder().Report("NO-5001", "EC-ICT-ICT-1C", 100).Build(), TargetSet.Default);

        var error = Assert.Throws<KeyNotFoundException>(() => scorer.Score("NO-3024"));
        Assert.Contains("NO-3024 reported no values for 2020", error.Message, StringComparison.Ordinal);
    }
}
