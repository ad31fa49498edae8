using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Tests.Standings;

/// <summary>A KPI a city did not report is missing, never zero: it contributes nothing anywhere.</summary>
public sealed class MissingValueTests
{
    private static readonly TargetSet IctTargets = TestTargets.Of("EC-ICT-ICT-1C,,100,test,", "EC-ICT-ICT-2C,,100,test,");

    [Fact]
    public void A_city_that_did_not_report_a_KPI_has_no_score_for_it()
    {
        var period = new NetworkBuilder()
            .Report("NO-5001", "EC-ICT-ICT-1C", 100)
            .Report("NO-5001", "EC-ICT-ICT-2C", 50)
            .Report("NO-3024", "EC-ICT-ICT-1C", 100)
            .Build();

        var card = new Scorer(period, IctTargets).Score("NO-3024");
        var ict = card.RollUp("EC-ICT-ICT");

        Assert.Null(card.Kpi("EC-ICT-ICT-2C"));
        Assert.Null(period.Find("NO-3024", new KpiKey("EC-ICT-ICT-2C")));
        Assert.Equal(4, ict.Points);
        Assert.Equal(4, ict.MaxPoints);      // not 8: the missing KPI adds nothing to the maximum
        Assert.Equal(100, ict.Percentage);   // and not 50, as a zero would make it
        Assert.Contains("EC-ICT-ICT-2C", ict.NotReported);
    }

    [Fact]
    public void A_city_missing_a_KPI_does_not_change_the_others_standings()
    {
        var without = new NetworkBuilder()
            .Report("EC-ICT-ICT-2C", ("NO-0001", 50), ("NO-0002", 60), ("NO-0003", 70))
            .Build();
        var withSilentCity = new NetworkBuilder()
            .Report("EC-ICT-ICT-2C", ("NO-0001", 50), ("NO-0002", 60), ("NO-0003", 70))
            .Report("NO-0004", "EC-ICT-ICT-1C", 100)   // in the network, silent on fixed broadband
            .Build();
        var key = new KpiKey("EC-ICT-ICT-2C");

        foreach (var city in new[] { "NO-0001", "NO-0002", "NO-0003" })
        {
            Assert.Equal(without.Distribution(key).StandingOf(city), withSilentCity.Distribution(key).StandingOf(city));
        }

        Assert.Equal(3, withSilentCity.Distribution(key).ReportingCount);
        Assert.Null(withSilentCity.Distribution(key).StandingOf("NO-0004"));
    }

    [Fact]
    public void A_reported_zero_is_a_value_that_counts_and_ranks()
    {
        var period = new NetworkBuilder()
            .Report("EC-ICT-ICT-2C", ("NO-0001", 0), ("NO-0002", 60))
            .Report("NO-0003", "EC-ICT-ICT-1C", 100)
            .Build();
        var scorer = new Scorer(period, IctTargets);

        var zero = scorer.Score("NO-0001").Kpi("EC-ICT-ICT-2C")!.Value()!;

        Assert.Equal(1, zero.Points);
        Assert.Equal(new Standing(0, 2, 2, 30), zero.Standing);
        Assert.Null(scorer.Score("NO-0003").Kpi("EC-ICT-ICT-2C"));
    }
}
