using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Tests.Scoring;

/// <summary>The worked example of the U4SSC verification reports (Kristiansund, Krimpen aan den IJssel, Pully).</summary>
public sealed class WorkedExampleTests
{
    // Education has four KPIs: student ICT access, school enrollment, higher-education degrees, adult literacy.
    private static readonly TargetSet EducationTargets = TestTargets.Of(
        "SC-EH-ED-1C,,100,test,",
        "SC-EH-ED-2C,,100,test,",
        "SC-EH-ED-3C,,30000,test,",
        "SC-EH-ED-4C,,100,test,");

    [Fact]
    public void Education_scoring_1_3_4_and_1_is_9_of_16_points_in_the_33_to_66_percent_band()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "SC-EH-ED-1C", 20)       // 20 % of target → 1 point
            .Report("NO-5001", "SC-EH-ED-2C", 80)       // 80 %          → 3 points
            .Report("NO-5001", "SC-EH-ED-3C", 31000)    // 100 % (capped) → 4 points
            .Report("NO-5001", "SC-EH-ED-4C", 30)       // 30 %          → 1 point
            .Build();

        var education = new Scorer(period, EducationTargets).Score("NO-5001").RollUp("SC-EH-ED");

        Assert.Equal([1.0, 3.0, 4.0, 1.0], education.Kpis.Select(k => k.Points!.Value));
        Assert.Equal(9, education.Points);
        Assert.Equal(16, education.MaxPoints);
        Assert.Equal(56.25, education.Percentage);
        Assert.Equal(Band.From33To66, education.Band);
    }

    [Fact]
    public void Education_with_three_KPIs_reported_scoring_3_4_and_2_is_9_of_12_points_in_the_66_to_95_percent_band()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "SC-EH-ED-1C", 70)       // 70 % → 3 points
            .Report("NO-5001", "SC-EH-ED-2C", 100)      // 100 % → 4 points
            .Report("NO-5001", "SC-EH-ED-3C", 15000)    // 50 % → 2 points; adult literacy not reported
            .Build();

        var education = new Scorer(period, EducationTargets).Score("NO-5001").RollUp("SC-EH-ED");

        Assert.Equal(9, education.Points);
        Assert.Equal(12, education.MaxPoints);
        Assert.Equal(3, education.ScoredCount);
        Assert.Equal(75, education.Percentage);
        Assert.Equal(Band.From66To95, education.Band);
        Assert.Equal(["SC-EH-ED-4C"], education.NotReported);
        Assert.Contains("9 of 12 points = 75 %", education.Explanation, StringComparison.Ordinal);
    }
}
