using Network.Benchmarking.Matching;
using Network.Benchmarking.Scoring;

namespace Network.Benchmarking.Tests.Scoring;

/// <summary>
/// A network of four cities small enough to score on paper. Every expected number below was worked out by hand from
/// the rules in src/Network.Benchmarking/README.md (the arithmetic is in the comments), not by running the engine: an
/// independent oracle for percent of target, band → points, roll-ups, percentile, rank and median.
/// </summary>
/// <remarks>
/// <code>
///   KPI (target)                              A      B      C      D
///   EC-ICT-ICT-1C internet access (100 %)    96     90     60     90     higher is better
///   EC-ICT-ICT-2C fixed broadband (40 %)     10      –      –      –     higher is better; A alone
///   EC-P-EM-1C unemployment (4 %)             2      5      8      –     lower is better
/// </code>
/// </remarks>
public sealed class HandComputedNetworkTests
{
    private const string A = "NO-0001", B = "NO-0002", C = "NO-0003", D = "NO-0004";
    private const string Internet = "EC-ICT-ICT-1C", Broadband = "EC-ICT-ICT-2C", Unemployment = "EC-P-EM-1C";

    private static readonly Scorer Scorer = new(
        new NetworkBuilder()
            .Report(Internet, (A, 96), (B, 90), (C, 60), (D, 90))
            .Report(A, Broadband, 10)
            .Report(Unemployment, (A, 2), (B, 5), (C, 8))
            .Build(),
        TestTargets.Of($"{Internet},,100,test,", $"{Broadband},,40,test,", $"{Unemployment},,4,test,"));

    [Fact]
    public void Percent_of_target_and_points_follow_the_bands()
    {
        // Higher is better: value / target. 96/100 = 96 % → [95, 100] → 4; 90/100 = 90 % → [66, 95) → 3;
        // 60/100 = 60 % → [33, 66) → 2; broadband 10/40 = 25 % → [0, 33) → 1.
        // Lower is better: target / value, capped at 100. 4/2 = 200 % → 100 % → 4; 4/5 = 80 % → 3; 4/8 = 50 % → 2.
        Assert.Equal((96.0, 4), Score(A, Internet));
        Assert.Equal((90.0, 3), Score(B, Internet));
        Assert.Equal((60.0, 2), Score(C, Internet));
        Assert.Equal((90.0, 3), Score(D, Internet));
        Assert.Equal((25.0, 1), Score(A, Broadband));
        Assert.Equal((100.0, 4), Score(A, Unemployment));
        Assert.Equal((80.0, 3), Score(B, Unemployment));
        Assert.Equal((50.0, 2), Score(C, Unemployment));
    }

    [Fact]
    public void Percentile_rank_and_median_of_a_KPI_with_a_tie()
    {
        // Internet, n = 4, so n − 1 = 3 others; percentile = 100 × (worse + ½ × tied others) / 3.
        //   A 96: worse 3 (90, 60, 90)                 → 100 × 3 / 3 = 100, rank 1
        //   B 90: worse 1 (60), tied 1 (D)             → 100 × 1.5 / 3 = 50, rank 2 (shared with D)
        //   D 90: the same as B                        → 50, rank 2
        //   C 60: worse 0                              → 0, rank 4 (ranks 1, 2, 2, 4)
        //   median: 60, 90 | 90, 96 → (90 + 90) / 2 = 90
        Assert.Equal(new Standing(100, 1, 4, 90), Standing(A, Internet));
        Assert.Equal(new Standing(50, 2, 4, 90), Standing(B, Internet));
        Assert.Equal(new Standing(50, 2, 4, 90), Standing(D, Internet));
        Assert.Equal(new Standing(0, 4, 4, 90), Standing(C, Internet));
    }

    [Fact]
    public void Percentile_rank_and_median_of_a_lower_is_better_KPI_and_of_a_KPI_one_city_reported()
    {
        // Unemployment, lower is better, n = 3 (D did not report: not counted, not zero), 2 others each.
        //   A 2: worse 2 → 100 × 2 / 2 = 100, rank 1; B 5: worse 1 → 50, rank 2; C 8: worse 0 → 0, rank 3.
        //   median: 2, 5, 8 → 5.
        Assert.Equal(new Standing(100, 1, 3, 5), Standing(A, Unemployment));
        Assert.Equal(new Standing(50, 2, 3, 5), Standing(B, Unemployment));
        Assert.Equal(new Standing(0, 3, 3, 5), Standing(C, Unemployment));

        // Broadband: A alone: no one to stand among, so no percentile; rank 1 of 1; median 10.
        Assert.Equal(new Standing(null, 1, 1, 10), Standing(A, Broadband));
    }

    [Fact]
    public void Roll_ups_sum_points_over_scored_KPIs_and_average_the_percentiles_that_exist()
    {
        var a = Scorer.Score(A);

        // Category ICT infrastructure (EC-ICT-ICT): internet 4 + broadband 1 = 5 of 2 × 4 = 8 → 62.5 % → [33, 66).
        // Mean percentile: internet 100; broadband has none → 100 over 1 KPI.
        AssertRollUp(a.RollUp("EC-ICT-ICT"), points: 5, maxPoints: 8, percentage: 62.5, Band.From33To66, meanPercentile: 100, percentileCount: 1);
        // Sub-dimension ICT (EC-ICT): the same two KPIs → 5 / 8.
        AssertRollUp(a.RollUp("EC-ICT"), points: 5, maxPoints: 8, percentage: 62.5, Band.From33To66, meanPercentile: 100, percentileCount: 1);
        // Category employment (EC-P-EM) and sub-dimension productivity (EC-P): unemployment 4 of 4 → 100 % → [95, 100].
        AssertRollUp(a.RollUp("EC-P-EM"), points: 4, maxPoints: 4, percentage: 100, Band.AtLeast95, meanPercentile: 100, percentileCount: 1);
        AssertRollUp(a.RollUp("EC-P"), points: 4, maxPoints: 4, percentage: 100, Band.AtLeast95, meanPercentile: 100, percentileCount: 1);
        // Dimension economy (EC): sums KPI points directly: 4 + 1 + 4 = 9 of 3 × 4 = 12 → 75 % → [66, 95).
        // Mean percentile: (100 + 100) / 2 = 100 over the 2 KPIs that have one.
        AssertRollUp(a.RollUp("EC"), points: 9, maxPoints: 12, percentage: 75, Band.From66To95, meanPercentile: 100, percentileCount: 2);

        // B: internet 3 + unemployment 3 = 6 of 8 → 75 % → [66, 95); percentiles (50 + 50) / 2 = 50.
        AssertRollUp(Scorer.Score(B).RollUp("EC"), points: 6, maxPoints: 8, percentage: 75, Band.From66To95, meanPercentile: 50, percentileCount: 2);
        // C: internet 2 + unemployment 2 = 4 of 8 → 50 % → [33, 66); percentiles (0 + 0) / 2 = 0.
        AssertRollUp(Scorer.Score(C).RollUp("EC"), points: 4, maxPoints: 8, percentage: 50, Band.From33To66, meanPercentile: 0, percentileCount: 2);
        // D: internet 3 of 4 → 75 % → [66, 95); unemployment not reported: neither in the points nor in the maximum.
        AssertRollUp(Scorer.Score(D).RollUp("EC"), points: 3, maxPoints: 4, percentage: 75, Band.From66To95, meanPercentile: 50, percentileCount: 1);
        // Environment (EN): A reported nothing there → no percentage, no band (not 0 %).
        AssertRollUp(a.RollUp("EN"), points: 0, maxPoints: 0, percentage: null, band: null, meanPercentile: null, percentileCount: 0);
    }

    [Fact]
    public void Verified_is_data_it_travels_with_the_value_and_weighs_in_matching_but_not_in_scores()
    {
        // Two cities, three KPIs, all measured; only whether a verifier confirmed B's internet value differs.
        // Standings with n = 2: the better city 100, the other 0, so every gap is 100.
        //   internet:      A 90 > B 50   → B learns,  weight 1 × (verified ? 1 : 0.8) → contribution 100/100 × weight
        //   broadband:     A 10 < B 80   → B teaches, weight 1 × 1 = 1 → 1
        //   unemployment:  A 2  < B 6 (lower is better) → B learns, weight 1 → 1
        // Verified:   teaches 1, learns 1 + 1   = 2,   mutual 2 × 1 × 2 / (1 + 2)     = 4/3
        // Unverified: teaches 1, learns 0.8 + 1 = 1.8, mutual 2 × 1 × 1.8 / (1 + 1.8) = 3.6 / 2.8 = 9/7
        static NetworkPeriod Network(bool bInternetVerified) => new NetworkBuilder()
            .Report(A, Internet, 90).Report(B, Internet, 50, verified: bInternetVerified)
            .Report(A, Broadband, 10).Report(B, Broadband, 80)
            .Report(A, Unemployment, 2).Report(B, Unemployment, 6)
            .Build();
        var rules = new MatchRules(MinimumOverlap: 3);

        var verified = PeerMatcher.Create(Network(bInternetVerified: true)).Match(A, B, rules)!;
        var unverified = PeerMatcher.Create(Network(bInternetVerified: false)).Match(A, B, rules)!;

        Assert.Equal((1.0, 2.0), (verified.Teaches, verified.Learns));
        Assert.Equal(4.0 / 3, verified.Mutual, 12);
        Assert.Equal(1.0, unverified.Teaches, 12);
        Assert.Equal(1.8, unverified.Learns, 12);
        Assert.Equal(9.0 / 7, unverified.Mutual, 12);
        var internet = unverified.Contributions.Single(c => c.Kpi.Code == Internet);
        Assert.Equal((false, 0.8), (internet.Partner.Values.Single().Verified, internet.Partner.Values.Single().QualityWeight));
        Assert.Equal((true, 1.0), (internet.City.Values.Single().Verified, internet.City.Values.Single().QualityWeight));
        Assert.Equal(0.8, internet.Weight, 12);
        Assert.Equal(0.8, internet.Contribution, 12);

        // The score card carries the flag as it came in, and the score does not move: 50/100 = 50 % → 2 points either way.
        var scoredVerified = new Scorer(Network(bInternetVerified: true), TestTargets.Of($"{Internet},,100,test,")).Score(B).Kpi(Internet)!.Value()!;
        var scoredUnverified = new Scorer(Network(bInternetVerified: false), TestTargets.Of($"{Internet},,100,test,")).Score(B).Kpi(Internet)!.Value()!;
        Assert.Equal((true, 50.0, 2), (scoredVerified.Verified, scoredVerified.PercentOfTarget!.Value, scoredVerified.Points!.Value));
        Assert.Equal((false, 50.0, 2), (scoredUnverified.Verified, scoredUnverified.PercentOfTarget!.Value, scoredUnverified.Points!.Value));
    }

    private static (double Percent, int Points) Score(string city, string kpi)
    {
        var value = Scorer.Score(city).Kpi(kpi)!.Value()!;
        return (Math.Round(value.PercentOfTarget!.Value, 9), value.Points!.Value);
    }

    private static Standing Standing(string city, string kpi)
    {
        var standing = Scorer.Score(city).Kpi(kpi)!.Value()!.Standing;
        return standing with { Percentile = standing.Percentile is { } p ? Math.Round(p, 9) : null, NetworkMedian = Math.Round(standing.NetworkMedian, 9) };
    }

    private static void AssertRollUp(RollUp rollUp, double points, int maxPoints, double? percentage, Band? band, double? meanPercentile, int percentileCount)
    {
        Assert.Equal(points, rollUp.Points, 9);
        Assert.Equal(maxPoints, rollUp.MaxPoints);
        Assert.Equal(percentage, rollUp.Percentage is { } p ? Math.Round(p, 9) : null);
        Assert.Equal(band, rollUp.Band);
        Assert.Equal(meanPercentile, rollUp.MeanPercentile is { } m ? Math.Round(m, 9) : null);
        Assert.Equal(percentileCount, rollUp.PercentileCount);
    }
}
