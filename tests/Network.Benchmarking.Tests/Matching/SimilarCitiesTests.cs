using Network.Benchmarking.Matching;

namespace Network.Benchmarking.Tests.Matching;

public sealed class SimilarCitiesTests
{
    private const string A = "NO-0001", B = "NO-0002", C = "SE-0003", D = "DK-0004";

    // Standings (4 reporting cities: 0, 33.3, 66.7, 100; 3 reporting: 0, 50, 100):
    //   EC-ICT-ICT-1C  A 90 → 100   B 10 → 0      C 70 → 66.67  D 40 → 33.33
    //   EC-ICT-ICT-2C  A 10 → 0     B 80 → 100    C 40 → 66.67  D 20 → 33.33
    //   EC-ICT-T-1C    A 80 → 100   B 20 → 0      C –           D 50 → 50
    private static PeerMatcher Matcher() => PeerMatcher.Create(new NetworkBuilder()
        .Report("EC-ICT-ICT-1C", (A, 90), (B, 10), (C, 70), (D, 40))
        .Report("EC-ICT-ICT-2C", (A, 10), (B, 80), (C, 40), (D, 20))
        .Report("EC-ICT-T-1C", (A, 80), (B, 20), (D, 50))
        .Build());

    private static readonly KpiWeight[] Picked = [new("EC-ICT-ICT-1C", 2), new("EC-ICT-ICT-2C"), new("EC-ICT-T-1C")];

    [Fact]
    public void Ranks_by_the_weighted_mean_standing_difference_computed_by_hand()
    {
        // From A, weights 2, 1, 1:
        //   B: (2·100 + 1·100 + 1·100) / 4 = 100
        //   C: transport info not shared → over the other two, weights 2 + 1: (2·33.33 + 1·66.67) / 3 = 44.44
        //   D: (2·66.67 + 1·33.33 + 1·50) / 4 = 54.17
        var similar = Matcher().SimilarCities(A, Picked);

        Assert.Equal([C, D, B], similar.Select(s => s.CityId));
        Assert.Equal(400.0 / 9, similar[0].Distance, 9);
        Assert.Equal(((2 * 200.0 / 3) + (100.0 / 3) + 50) / 4, similar[1].Distance, 9);
        Assert.Equal(100, similar[2].Distance, 9);
    }

    [Fact]
    public void Explains_the_distance_by_terms_that_add_up_to_it_and_names_what_was_not_shared()
    {
        var c = Matcher().SimilarCities(A, Picked).Single(s => s.CityId == C);

        Assert.Equal(2, c.SharedKpis);
        Assert.Equal(["EC-ICT-T-1C"], c.NotShared);
        Assert.Equal(["EC-ICT-ICT-1C", "EC-ICT-ICT-2C"], c.Terms.Select(t => t.Kpi.Code));
        Assert.Equal(2 * (100 - (200.0 / 3)) / 3, c.Terms[0].Contribution, 9);   // weight 2 of 3, 33.33 points apart
        Assert.Equal(c.Distance, c.Terms.Sum(t => t.Contribution), 12);
        Assert.Equal((100.0, 200.0 / 3), (c.Terms[0].CityStanding, c.Terms[0].OtherStanding));
    }

    [Fact]
    public void Requires_the_minimum_of_shared_picked_KPIs()
    {
        // C shares 2 of the 3 picked KPIs: enough for the default (half, rounded up: 2), not when all 3 are required.
        Assert.Contains(C, Matcher().SimilarCities(A, Picked).Select(s => s.CityId));
        Assert.Equal([D, B], Matcher().SimilarCities(A, Picked, minimumShared: 3).Select(s => s.CityId));
    }

    [Fact]
    public void Filters_by_context_and_limits_the_list()
    {
        Assert.Equal([B], Matcher().SimilarCities(A, Picked, filter: new PeerFilter(SameCountry: true)).Select(s => s.CityId));
        Assert.Equal([C], Matcher().SimilarCities(A, Picked, limit: 1).Select(s => s.CityId));
    }

    [Fact]
    public void Refuses_KPIs_that_cannot_be_compared()
    {
        var matcher = Matcher();

        Assert.Throws<ArgumentException>(() => matcher.SimilarCities(A, [new KpiWeight("EC-I-T-4A")]));   // mode share: no direction
        Assert.Throws<ArgumentException>(() => matcher.SimilarCities(A, [new KpiWeight("XX-1")]));
        Assert.Throws<ArgumentException>(() => matcher.SimilarCities(A, [new KpiWeight("EC-ICT-ICT-1C", 0)]));
        Assert.Throws<ArgumentException>(() => matcher.SimilarCities(A, [new KpiWeight("EC-ICT-ICT-1C"), new KpiWeight("EC-ICT-ICT-1C")]));
        Assert.Throws<ArgumentException>(() => matcher.SimilarCities(A, []));
    }
}
