using Network.Benchmarking.Matching;

namespace Network.Benchmarking.Tests.Matching;

public sealed class PairingTests
{
    [Fact]
    public void Pairs_cities_for_the_largest_total_mutual_benefit()
    {
        // Twenty small random networks of 4–9 cities, each reporting about half the KPIs, so that an overlap of 20
        // leaves out some pairs (about a third): the pairing's total equals the best over every matching of the pairs'
        // mutual benefits (as Match reports them), up to the 10⁻⁶ rounding of the integer algorithm.
        for (var seed = 1; seed <= 20; seed++)
        {
            var period = RandomNetworks.Create(4 + seed % 6, seed, missing: 0.5);
            var matcher = PeerMatcher.Create(period);
            var rules = new MatchRules(MinimumOverlap: 20, MinimumGap: 10);
            var cities = period.Cities;
            var edges = new List<WeightedEdge>();
            for (var i = 0; i < cities.Count; i++)
            {
                for (var j = i + 1; j < cities.Count; j++)
                {
                    if (matcher.Match(cities[i], cities[j], rules) is { Mutual: > 0 } m)
                    {
                        edges.Add(new WeightedEdge(i, j, (long)Math.Round(m.Mutual * 1e9)));
                    }
                }
            }

            var pairing = matcher.PairAll(rules: rules, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(MaximumWeightMatchingTests.BruteForce(cities.Count, edges) / 1e9, pairing.TotalMutual, 5e-6);
            Assert.Equal(edges.Count, pairing.CandidatePairs);
            Assert.Equal(cities.Count, (2 * pairing.Pairs.Count) + pairing.Unpaired.Count);
            Assert.Equal(pairing.Pairs.Sum(p => p.Mutual), pairing.TotalMutual, 12);
            Assert.All(pairing.Pairs, p => Assert.True(string.CompareOrdinal(p.CityId, p.PartnerId) < 0));
            Assert.All(pairing.Pairs, p => Assert.Equal(matcher.Match(p.CityId, p.PartnerId, rules)!.Mutual, p.Mutual));
        }
    }

    [Fact]
    public void Leaves_a_city_single_when_it_has_no_partner_with_enough_overlap()
    {
        // A and B complement each other on 5 KPIs; C reports only two of them.
        var period = new NetworkBuilder()
            .Report("EC-ICT-ICT-1C", ("NO-0001", 90), ("NO-0002", 10), ("NO-0003", 50))
            .Report("EC-ICT-ICT-2C", ("NO-0001", 10), ("NO-0002", 90), ("NO-0003", 50))
            .Report("EC-ICT-WS-1C", ("NO-0001", 90), ("NO-0002", 10))
            .Report("EC-ICT-ES-1C", ("NO-0001", 10), ("NO-0002", 90))
            .Report("EC-ICT-T-1C", ("NO-0001", 90), ("NO-0002", 10))
            .Build();

        var pairing = PeerMatcher.Create(period).PairAll(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([("NO-0001", "NO-0002")], pairing.Pairs.Select(p => (p.CityId, p.PartnerId)));
        Assert.Equal(["NO-0003"], pairing.Unpaired);
        Assert.Equal(1, pairing.CandidatePairs);
    }

    [Fact]
    public void Pairs_only_the_cities_asked_for()
    {
        var matcher = PeerMatcher.Create(RandomNetworks.Create(12, seed: 3));

        var pairing = matcher.PairAll(["NO-00000", "SE-00001", "DK-00002", "FI-00003"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, (2 * pairing.Pairs.Count) + pairing.Unpaired.Count);
        Assert.All(pairing.Pairs, p => Assert.Contains(p.PartnerId, new[] { "NO-00000", "SE-00001", "DK-00002", "FI-00003" }));
        Assert.Throws<KeyNotFoundException>(() => matcher.PairAll(["NO-99999"], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Stops_when_the_caller_goes_away()
    {
        // The hub passes the request's token (cancelled by a time-out or a closed connection): the pair scoring and each
        // stage of the matching check it, so the work stops instead of running to the end for nobody.
        var matcher = PeerMatcher.Create(RandomNetworks.Create(40, seed: 5));
        using var gone = new CancellationTokenSource();
        gone.Cancel();

        Assert.Throws<OperationCanceledException>(() => matcher.PairAll(cancellationToken: gone.Token));
        Assert.Throws<OperationCanceledException>(() => MaximumWeightMatching.Solve(3, [new WeightedEdge(0, 1, 5), new WeightedEdge(1, 2, 7)], cancellationToken: gone.Token));
        Assert.NotEmpty(matcher.PairAll(cancellationToken: CancellationToken.None).Pairs);
    }
}
