using Network.Benchmarking.Matching;

namespace Network.Benchmarking.Tests.Matching;

public sealed class LearnFromTests
{
    private const string City = "NO-0001";

    // Household internet access; the city has 50 %. Better: every other city except NO-0005.
    private static PeerMatcher Matcher()
    {
        var period = new NetworkBuilder()
            .Report("EC-ICT-ICT-1C",
                (City, 50), ("NO-0002", 60), ("NO-0003", 55), ("SE-0001", 99), ("NO-0004", 70), ("NO-0005", 40), ("NO-0006", 65))
            .Report("EC-ICT-ICT-2C", (City, 80), ("NO-0002", 10), ("NO-0003", 20), ("SE-0001", 30), ("NO-0004", 40), ("NO-0005", 50), ("NO-0006", 60))
            .Build();
        var contexts = new Dictionary<string, CityContext>
        {
            [City] = CityContext.Of(City, 100_000),
            ["NO-0002"] = CityContext.Of("NO-0002", 200_000),
            ["NO-0003"] = CityContext.Of("NO-0003", 110_000),
            ["SE-0001"] = CityContext.Of("SE-0001", 100_000),
            ["NO-0005"] = CityContext.Of("NO-0005", 100_000),
            ["NO-0006"] = CityContext.Of("NO-0006", 50_000),
        };
        return PeerMatcher.Create(period, contexts: contexts);
    }

    [Fact]
    public void Lists_better_cities_same_country_first_then_nearest_population_then_unknown()
    {
        // Same country before Sweden's 99 %. Among Norwegian cities: |ln(110/100)| = 0.10 (NO-0003), then
        // |ln(200/100)| = |ln(50/100)| = 0.69 (NO-0002 and NO-0006, tied: the larger lead first, NO-0006 65 % over
        // NO-0002 60 %), then NO-0004 whose population is unknown. NO-0005 (40 %) does worse and is not listed.
        var peers = Matcher().LearnFrom(City, "EC-ICT-ICT-1C");

        Assert.Equal(["NO-0003", "NO-0006", "NO-0002", "NO-0004", "SE-0001"], peers.Select(p => p.CityId));
        Assert.Equal([1.1, 0.5, 2.0, null, 1.0], peers.Select(p => p.PopulationRatio));
        Assert.Equal([true, true, true, true, false], peers.Select(p => p.SameCountry));
        Assert.All(peers, p => Assert.True(p.Gap > 0));
    }

    [Fact]
    public void Gives_the_better_citys_values_and_standings()
    {
        // 7 cities report internet access; the city (50 %) beats 1 of the 6 others: 16.67. NO-0003 (55 %) beats 2: 33.33.
        var peer = Matcher().LearnFrom(City, "EC-ICT-ICT-1C")[0];

        Assert.Equal(100.0 / 3, peer.Standing, 9);
        Assert.Equal(100.0 / 6, peer.CityStanding, 9);
        Assert.Equal(100.0 / 6, peer.Gap, 9);
        Assert.Equal(55, peer.Kpis.Single().Values.Single().Value);
        Assert.Equal("NO-0003 (NO, 110,000 inhabitants) stands at 33.3333 against 16.6667 (+16.6667 percentile points) on 1 KPI, in the same country.", peer.Summary);
    }

    [Fact]
    public void Compares_a_category_by_the_mean_standing_over_its_KPIs_both_have()
    {
        // ICT Infrastructure: internet and fixed broadband, 7 cities each (percentile = others beaten / 6).
        //   internet:  NO-0005 0, city 16.67, NO-0003 33.33, NO-0002 50, NO-0006 66.67, NO-0004 83.33, SE-0001 100
        //   broadband: NO-0002 0, NO-0003 16.67, SE-0001 33.33, NO-0004 50, NO-0005 66.67, NO-0006 83.33, city 100
        //   means: city 58.33; NO-0006 75, NO-0004 66.67, SE-0001 66.67 do better; NO-0002 25, NO-0003 25, NO-0005 33.33 do not.
        // Order: Norway first, NO-0006 (population known) before NO-0004 (unknown), then Sweden.
        var byCode = Matcher().LearnFrom(City, "EC-ICT-ICT");
        var byName = Matcher().LearnFrom(City, "ICT Infrastructure");

        Assert.Equal(["NO-0006", "NO-0004", "SE-0001"], byCode.Select(p => p.CityId));
        Assert.Equal(byCode.Select(p => p.CityId), byName.Select(p => p.CityId));
        Assert.Equal(2, byCode[0].Kpis.Count);
        Assert.Equal(75 - (175.0 / 3), byCode[0].Gap, 9);
    }

    [Fact]
    public void Refuses_what_is_neither_a_KPI_nor_a_category_with_a_direction()
    {
        Assert.Throws<ArgumentException>(() => Matcher().LearnFrom(City, "no such thing"));
        Assert.Throws<ArgumentException>(() => Matcher().LearnFrom(City, "EC-I-T-4A"));   // mode share
        Assert.Throws<KeyNotFoundException>(() => Matcher().LearnFrom("NO-9999", "EC-ICT-ICT-1C"));
    }

    [Fact]
    public void Is_empty_for_a_KPI_the_city_did_not_report()
    {
        Assert.Empty(Matcher().LearnFrom(City, "EC-P-EM-1C"));
    }
}
