using Network.Benchmarking.Matching;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests.Matching;

public sealed class ComplementaryPartnerTests
{
    private const string A = "NO-0001", B = "NO-0002", C = "SE-0003";

    // Standings (percentile among the reporting cities; higher is better unless noted):
    //   KPI                               A     B     C        standing A / B / C
    //   EC-ICT-ICT-1C internet           90    50    70        100 /   0 /  50
    //   EC-ICT-ICT-2C fixed broadband    10    80    40          0 / 100 /  50
    //   EC-P-EM-1C unemployment (lower)   2     6     4        100 /   0 /  50
    //   EC-ICT-WS-1C smart water meters  30    60    60          0 /  75 /  75   (B and C tie: 1 worse + ½ tie of 2 others)
    //   EC-ICT-ES-1C smart el. meters    50    50    50         50 /  50 /  50
    //   EC-ICT-T-1C transport info       80    20     –        100 /   0 /   –   (C did not report it)
    private static NetworkBuilder Network(DataQuality bOnBroadband = DataQuality.Measured, bool bVerifiedOnBroadband = true) =>
        new NetworkBuilder()
            .Report("EC-ICT-ICT-1C", (A, 90), (B, 50), (C, 70))
            .Report(A, "EC-ICT-ICT-2C", 10)
            .Report(B, "EC-ICT-ICT-2C", 80, quality: bOnBroadband, verified: bVerifiedOnBroadband)
            .Report(C, "EC-ICT-ICT-2C", 40)
            .Report("EC-P-EM-1C", (A, 2), (B, 6), (C, 4))
            .Report("EC-ICT-WS-1C", (A, 30), (B, 60), (C, 60))
            .Report("EC-ICT-ES-1C", (A, 50), (B, 50), (C, 50))
            .Report("EC-ICT-T-1C", (A, 80), (B, 20));

    [Fact]
    public void Scores_a_small_network_as_computed_by_hand()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        // A with partner B, gaps B − A over the 6 shared KPIs, all weights 1:
        //   internet −100 → B learns 1.0; broadband +100 → B teaches 1.0; unemployment −100 → learns 1.0;
        //   water meters +75 → teaches 0.75; electricity meters 0 → nothing; transport info −100 → learns 1.0.
        //   teaches 1.75, learns 3.0, mutual 2 · 1.75 · 3 / 4.75 = 2.2105263...
        // A with partner C, over the 5 shared KPIs (C has no transport info):
        //   internet −50 → learns 0.5; broadband +50 → teaches 0.5; unemployment −50 → learns 0.5; water meters +75 → teaches 0.75.
        //   teaches 1.25, learns 1.0, mutual 2 · 1.25 · 1 / 2.25 = 1.1111...
        var partners = matcher.ComplementaryPartners(A);

        Assert.Equal([B, C], partners.Select(p => p.PartnerId));
        var b = partners[0];
        Assert.Equal((1.75, 3.0, 6), (b.Teaches, b.Learns, b.SharedKpis));
        Assert.Equal(2 * 1.75 * 3 / 4.75, b.Mutual, 12);
        Assert.Equal(
            ["EC-ICT-ICT-1C", "EC-ICT-ICT-2C", "EC-ICT-WS-1C", "EC-ICT-T-1C", "EC-P-EM-1C"],
            b.Contributions.Select(x => x.Kpi.Code));   // catalogue order; smart electricity meters (no gap) is not there
        var broadband = b.Contributions.Single(x => x.Kpi.Code == "EC-ICT-ICT-2C");
        Assert.Equal((LearningDirection.PartnerTeaches, 100.0, 0.0, 100.0, 1.0, 1.0), (broadband.Direction, broadband.Partner.Standing, broadband.City.Standing, broadband.Gap, broadband.Weight, broadband.Contribution));
        Assert.Equal((80.0, 10.0), (broadband.Partner.Values.Single().Value, broadband.City.Values.Single().Value));
        Assert.Equal(LearningDirection.PartnerLearns, b.Contributions.Single(x => x.Kpi.Code == "EC-P-EM-1C").Direction);

        var c = partners[1];
        Assert.Equal((1.25, 1.0, 5), (c.Teaches, c.Learns, c.SharedKpis));
        Assert.Equal(2 * 1.25 / 2.25, c.Mutual, 12);
    }

    [Fact]
    public void Gives_the_same_mutual_benefit_from_either_side_with_teaching_and_learning_swapped()
    {
        var matcher = PeerMatcher.Create(RandomNetworks.Create(40, seed: 7));
        var cities = matcher.Period.Cities;
        for (var i = 0; i < cities.Count; i++)
        {
            for (var j = i + 1; j < cities.Count; j++)
            {
                var ab = matcher.Match(cities[i], cities[j])!;
                var ba = matcher.Match(cities[j], cities[i])!;
                Assert.Equal(ab.Mutual, ba.Mutual);   // bit for bit, not within a tolerance
                Assert.Equal((ab.Teaches, ab.Learns), (ba.Learns, ba.Teaches));
            }
        }
    }

    [Fact]
    public void Adds_up_every_explanation_to_its_totals()
    {
        var matcher = PeerMatcher.Create(RandomNetworks.Create(60, seed: 11));
        foreach (var city in matcher.Period.Cities.Take(10))
        {
            foreach (var match in matcher.ComplementaryPartners(city, limit: 5))
            {
                var teaches = match.Contributions.Where(c => c.Direction == LearningDirection.PartnerTeaches).Sum(c => c.Contribution);
                var learns = match.Contributions.Where(c => c.Direction == LearningDirection.PartnerLearns).Sum(c => c.Contribution);
                Assert.Equal(match.Teaches, teaches, 1e-9);
                Assert.Equal(match.Learns, learns, 1e-9);
                Assert.Equal(2 * match.Teaches * match.Learns / (match.Teaches + match.Learns), match.Mutual, 1e-12);
                foreach (var c in match.Contributions)
                {
                    Assert.Equal(c.Weight * c.Gap / 100, c.Contribution, 1e-15);
                    Assert.Equal(c.City.Weight * c.Partner.Weight, c.Weight, 1e-15);
                    Assert.True(c.Gap > MatchRules.Default.MinimumGap);
                }
            }
        }
    }

    [Fact]
    public void Never_reads_a_missing_KPI_as_zero()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        // C did not report transport information, where A stands at 100: read as 0 it would let A teach C 1.0 more.
        var match = matcher.Match(C, A)!;

        Assert.Equal(5, match.SharedKpis);
        Assert.DoesNotContain(match.Contributions, c => c.Kpi.Code == "EC-ICT-T-1C");
        Assert.Equal(1.0, match.Teaches);   // internet 0.5 + unemployment 0.5; nothing for transport information
    }

    [Fact]
    public void Leaves_out_partners_below_the_minimum_overlap()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        // A and C share 5 KPIs (transport information is A's and B's only): enough for 5, not for 6.
        Assert.Equal([B, C], matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumOverlap: 5)).Select(p => p.PartnerId));
        Assert.Equal([B], matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumOverlap: 6)).Select(p => p.PartnerId));
        Assert.Null(matcher.Match(A, C, new MatchRules(MinimumOverlap: 6)));
        Assert.Empty(matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumOverlap: 7)));
    }

    [Fact]
    public void Counts_only_gaps_larger_than_the_minimum_gap()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        // A with C: gaps of 50 and 75 points. Above 60, only water meters (75) counts, and A teaches C nothing:
        // one direction alone is no mutual benefit.
        var match = matcher.Match(A, C, new MatchRules(MinimumGap: 60))!;

        Assert.Equal(["EC-ICT-WS-1C"], match.Contributions.Select(c => c.Kpi.Code));
        Assert.Equal((0.75, 0.0, 0.0), (match.Teaches, match.Learns, match.Mutual));
        Assert.DoesNotContain(C, matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumGap: 60)).Select(p => p.PartnerId));
    }

    [Fact]
    public void Weighs_an_unverified_estimate_less_and_says_so()
    {
        // B's broadband value is an unverified personal estimate: weight 0.3 × 0.8 = 0.24; A's is a verified measurement.
        var matcher = PeerMatcher.Create(Network(DataQuality.PersonalEstimate, bVerifiedOnBroadband: false).Build());

        var match = matcher.Match(A, B)!;
        var broadband = match.Contributions.Single(c => c.Kpi.Code == "EC-ICT-ICT-2C");

        Assert.Equal(0.24, broadband.Partner.Weight, 12);
        Assert.Equal(1.0, broadband.City.Weight);
        Assert.Equal(0.24, broadband.Contribution, 12);             // 100 / 100 × 0.24, was 1.0
        Assert.Equal(0.24 + 0.75, match.Teaches, 12);
        Assert.True(broadband.Discounted);
        Assert.Contains("NO-0002's value is personal-estimate, unverified (weight 0.24)", broadband.Explanation, StringComparison.Ordinal);
        Assert.Contains("contribution 100 / 100 × 0.24 = 0.24", broadband.Explanation, StringComparison.Ordinal);
        Assert.Contains("1 of the 5 contributions weigh less for estimated or unverified values", match.Summary, StringComparison.Ordinal);
        Assert.False(match.Contributions.Single(c => c.Kpi.Code == "EC-P-EM-1C").Discounted);
    }

    [Fact]
    public void Explains_each_match_in_one_line_and_each_KPI_in_a_sentence()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        var match = matcher.Match(A, B)!;

        Assert.Equal(
            "NO-0002 can teach NO-0001 1.75 (2 KPIs, most in Fixed Broadband Subscriptions) and learn 3 (3 KPIs, most in Household Internet Access): "
            + "mutual benefit 2.2105 over 6 KPIs shared.",
            match.Summary);
        Assert.Equal(
            "NO-0002 can learn from NO-0001 on Unemployment Rate (EC-P-EM-1C): standing 100 against 0, 100 percentile points apart. "
            + "NO-0002: 6 % (measured, verified); NO-0001: 2 % (measured, verified). Weight 1 × 1 = 1; contribution 100 / 100 × 1 = 1.",
            match.Contributions.Single(c => c.Kpi.Code == "EC-P-EM-1C").Explanation);
    }

    [Fact]
    public void Shows_points_and_band_where_the_target_set_has_a_target()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        // Household internet access has the definition-implied target 100 %: A's 90 % is 90 % of target, 3 points.
        var internet = matcher.Match(A, B)!.Contributions.Single(c => c.Kpi.Code == "EC-ICT-ICT-1C");

        Assert.Equal((3, Benchmarking.Scoring.Band.From66To95), (internet.City.Values[0].Points, internet.City.Values[0].Band));
        Assert.Contains("90 % (measured, verified, 3 points, 66–95% of Target)", internet.Explanation, StringComparison.Ordinal);
        Assert.Null(matcher.Match(A, B)!.Contributions.Single(c => c.Kpi.Code == "EC-P-EM-1C").City.Values[0].Points);
    }

    [Fact]
    public void Takes_a_KPI_with_data_points_as_the_mean_of_its_data_points_and_counts_it_once()
    {
        // Wireless coverage, standings per data point and their mean:
        //   3G: A 100 (100), B 90 (0), C 95 (50);  4G: A 50 (0), B 99 (50), C 99.5 (100)
        //   KPI standing: A 50, B 25, C 75.  Internet as before: A 100, B 0, C 50.
        // A with partner C: coverage +25 → C teaches 0.25; internet −50 → C learns 0.5. Two KPIs shared, not three values.
        var period = new NetworkBuilder()
            .Report(A, "EC-ICT-ICT-4C", 100, "3G").Report(A, "EC-ICT-ICT-4C", 50, "4G")
            .Report(B, "EC-ICT-ICT-4C", 90, "3G").Report(B, "EC-ICT-ICT-4C", 99, "4G")
            .Report(C, "EC-ICT-ICT-4C", 95, "3G").Report(C, "EC-ICT-ICT-4C", 99.5, "4G")
            .Report("EC-ICT-ICT-1C", (A, 90), (B, 50), (C, 70))
            .Build();
        var matcher = PeerMatcher.Create(period);

        var match = matcher.Match(A, C, new MatchRules(MinimumOverlap: 2, MinimumGap: 0))!;
        var coverage = match.Contributions.Single(c => c.Kpi.Code == "EC-ICT-ICT-4C");

        Assert.Equal((2, 0.25, 0.5), (match.SharedKpis, match.Teaches, match.Learns));
        Assert.Equal((75.0, 50.0), (coverage.Partner.Standing, coverage.City.Standing));
        Assert.Equal(["3G", "4G"], coverage.City.Values.Select(v => v.Key.DataPoint));
        Assert.Equal([100.0, 0.0], coverage.City.Values.Select(v => v.Standing.Percentile!.Value));
    }

    [Fact]
    public void Filters_partners_by_country_and_population()
    {
        var contexts = new Dictionary<string, CityContext>
        {
            [B] = CityContext.Of(B, 50_000),
            [C] = CityContext.Of(C, 200_000),
        };
        var matcher = PeerMatcher.Create(Network().Build(), contexts: contexts);

        Assert.Equal([B], matcher.ComplementaryPartners(A, filter: new PeerFilter(SameCountry: true)).Select(p => p.PartnerId));
        Assert.Equal([C], matcher.ComplementaryPartners(A, filter: new PeerFilter(Country: "SE")).Select(p => p.PartnerId));
        Assert.Equal([C], matcher.ComplementaryPartners(A, filter: new PeerFilter(MinPopulation: 100_000)).Select(p => p.PartnerId));
        Assert.Equal([B], matcher.ComplementaryPartners(A, filter: new PeerFilter(MaxPopulation: 100_000)).Select(p => p.PartnerId));
        // A's own population is unknown; it is a partner to nobody who asks for a population range.
        Assert.DoesNotContain(A, matcher.ComplementaryPartners(B, filter: new PeerFilter(MinPopulation: 1)).Select(p => p.PartnerId));
        Assert.Equal(200_000, matcher.ContextOf(C).Population);
        Assert.Equal("SE", matcher.ContextOf(C).Country);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(0.0)]    // every gap counts: the fast pass's threshold sits at 0
    [InlineData(35.0)]   // few gaps count: many partners have nothing one way
    public void Finds_the_same_top_partners_as_scoring_every_pair_exactly(double minimumGap)
    {
        // The fast pass works on a compact copy and only bounds the benefit; the answer must still be the exact top 10.
        var matcher = PeerMatcher.Create(RandomNetworks.Create(400, seed: 2024));
        var rules = new MatchRules(MinimumGap: minimumGap);
        foreach (var city in matcher.Period.Cities.Where((_, i) => i % 20 == 0))
        {
            var expected = matcher.Period.Cities
                .Where(other => other != city)
                .Select(other => matcher.Match(city, other, rules))
                .Where(m => m is { Mutual: > 0 })
                .OrderByDescending(m => m!.Mutual)
                .ThenBy(m => m!.PartnerId, StringComparer.Ordinal)
                .Take(10)
                .Select(m => (m!.PartnerId, m.Mutual));

            Assert.Equal(expected, matcher.ComplementaryPartners(city, rules: rules).Select(m => (m.PartnerId, m.Mutual)));
        }
    }

    [Fact]
    public void Ranks_tied_partners_by_city_id_even_when_more_tie_than_the_first_pass_keeps()
    {
        // Twenty-five cities with identical values are equally good partners for NO-0000: the first pass keeps 18
        // (10 asked + 8), the bounds cannot separate the rest, and a second pass must settle the tie by city id.
        var builder = new NetworkBuilder();
        builder.Report("NO-0000", "EC-ICT-ICT-1C", 90).Report("NO-0000", "EC-ICT-ICT-2C", 10).Report("NO-0000", "EC-P-EM-1C", 2)
            .Report("NO-0000", "EC-ICT-WS-1C", 90).Report("NO-0000", "EC-ICT-ES-1C", 10);
        for (var c = 25; c >= 1; c--)
        {
            var city = $"SE-{c:0000}";
            builder.Report(city, "EC-ICT-ICT-1C", 10).Report(city, "EC-ICT-ICT-2C", 90).Report(city, "EC-P-EM-1C", 8)
                .Report(city, "EC-ICT-WS-1C", 10).Report(city, "EC-ICT-ES-1C", 90);
        }

        var partners = PeerMatcher.Create(builder.Build()).ComplementaryPartners("NO-0000");

        Assert.Equal(Enumerable.Range(1, 10).Select(c => $"SE-{c:0000}"), partners.Select(p => p.PartnerId));
        Assert.Single(partners.Select(p => p.Mutual).Distinct());
    }

    [Fact]
    public void Refuses_unknown_cities_and_senseless_rules()
    {
        var matcher = PeerMatcher.Create(Network().Build());

        Assert.Throws<KeyNotFoundException>(() => matcher.ComplementaryPartners("NO-9999"));
        Assert.Throws<ArgumentException>(() => matcher.Match(A, A));
        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumOverlap: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.ComplementaryPartners(A, rules: new MatchRules(MinimumGap: 100)));
        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.ComplementaryPartners(A, limit: 0));
    }
}
