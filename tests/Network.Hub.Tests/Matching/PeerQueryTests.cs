using System.Text.Json;
using Network.Hub.Tests.GraphQL;

namespace Network.Hub.Tests.Matching;

/// <summary>Peer matching through GraphQL on the demo network: Trondheim's partners, with explanations a person can check.</summary>
public sealed class PeerQueryTests(DemoNetworkFixture demo) : IClassFixture<DemoNetworkFixture>
{
    private const string Trondheim = "NO-5001";

    private const string Complementary = """
        query Peers($city: ID!) {
          peers(city: $city, mode: COMPLEMENTARY, period: 2020, limit: 10, minimumOverlap: 3) {
            cityId rank mode
            match {
              cityId partnerId teaches learns mutual sharedKpis summary
              contributions {
                kpiCode direction gap weight discounted contribution explanation
                city { cityId standing values { value quality verified } }
                partner { cityId standing values { value quality verified } }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Trondheim_gets_complementary_partners_whose_explanations_add_up_to_their_scores()
    {
        using var client = demo.Hub.CreateClient();

        var peers = (await GraphQLAnswer.PostAsync(client, Complementary, new { city = Trondheim })).Ok().At("peers").Items();

        Assert.NotEmpty(peers);
        Assert.Equal(Enumerable.Range(1, peers.Length), peers.Select(p => p.GetProperty("rank").GetInt32()));
        var mutuals = peers.Select(p => p.At("match.mutual").GetDouble()).ToList();
        Assert.Equal(mutuals.OrderDescending(), mutuals);
        foreach (var peer in peers)
        {
            var match = peer.GetProperty("match");
            Assert.Equal(Trondheim, match.GetProperty("cityId").GetString());
            Assert.NotEqual(Trondheim, match.GetProperty("partnerId").GetString());
            var contributions = match.GetProperty("contributions").Items();
            // Both directions must be worth it, and each direction is exactly the sum of its KPIs.
            Assert.True(match.GetProperty("teaches").GetDouble() > 0 && match.GetProperty("learns").GetDouble() > 0);
            Assert.Equal(match.GetProperty("teaches").GetDouble(), Sum(contributions, "PARTNER_TEACHES"), 9);
            Assert.Equal(match.GetProperty("learns").GetDouble(), Sum(contributions, "PARTNER_LEARNS"), 9);
            foreach (var c in contributions)
            {
                var (mine, theirs) = (c.At("city.standing").GetDouble(), c.At("partner.standing").GetDouble());
                // The partner teaches where it stands higher, and the gap is the difference of standings.
                Assert.Equal(c.GetProperty("direction").GetString() == "PARTNER_TEACHES", theirs > mine);
                Assert.Equal(Math.Abs(theirs - mine), c.GetProperty("gap").GetDouble(), 9);
                // contribution = gap (percentile points) / 100 x the quality weight of both sides.
                Assert.Equal(c.GetProperty("gap").GetDouble() / 100 * c.GetProperty("weight").GetDouble(), c.GetProperty("contribution").GetDouble(), 9);
                Assert.NotEmpty(c.At("city.values").Items());
                Assert.NotEmpty(c.At("partner.values").Items());
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("explanation").GetString()));
            }
        }
    }

    [Fact]
    public async Task The_mutual_benefit_is_the_same_seen_from_either_city()
    {
        using var client = demo.Hub.CreateClient();
        var fromTrondheim = (await GraphQLAnswer.PostAsync(client, Complementary, new { city = Trondheim })).Ok().At("peers").Items();
        var partner = fromTrondheim[0].At("match.partnerId").GetString()!;

        var fromPartner = (await GraphQLAnswer.PostAsync(client, Complementary, new { city = partner })).Ok().At("peers").Items();

        var back = Assert.Single(fromPartner, p => p.At("match.partnerId").GetString() == Trondheim);
        Assert.Equal(fromTrondheim[0].At("match.mutual").GetDouble(), back.At("match.mutual").GetDouble(), 9);
        Assert.Equal(fromTrondheim[0].At("match.teaches").GetDouble(), back.At("match.learns").GetDouble(), 9);
    }

    [Fact]
    public async Task Similar_cities_are_ranked_by_distance_over_the_chosen_kpis_only()
    {
        using var client = demo.Hub.CreateClient();
        string[] kpis = ["EC-ICT-ICT-1C", "EC-P-EM-1C", "EN-EN-AQ-2C"];

        var peers = (await GraphQLAnswer.PostAsync(client, """
            query($kpis: [String!]) { peers(city: "NO-5001", mode: SIMILAR, kpis: $kpis, weights: [2, 1, 1], period: 2020) {
              cityId rank similarity { distance sharedKpis notShared terms { kpiCode weight contribution } } } }
            """, new { kpis })).Ok().At("peers").Items();

        Assert.NotEmpty(peers);
        var distances = peers.Select(p => p.At("similarity.distance").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        foreach (var peer in peers)
        {
            var terms = peer.At("similarity.terms").Items();
            Assert.All(terms, t => Assert.Contains(t.GetProperty("kpiCode").GetString(), kpis));
            Assert.Equal(peer.At("similarity.sharedKpis").GetInt32(), terms.Length);
            Assert.All(terms.Where(t => t.GetProperty("kpiCode").GetString() == "EC-ICT-ICT-1C"), t => Assert.Equal(2, t.GetProperty("weight").GetDouble()));
        }
    }

    [Fact]
    public async Task Learn_from_lists_cities_that_do_better_on_the_kpi_with_their_values()
    {
        using var client = demo.Hub.CreateClient();

        var better = (await GraphQLAnswer.PostAsync(client, """
            { learnFrom(city: "NO-5001", kpi: "EN-EN-AQ-2C", period: 2020) { cityId standing cityStanding gap summary kpis { kpiCode values { value } } } }
            """)).Ok().At("learnFrom").Items();

        // Trondheim's 2.46 t CO2e per capita is the lowest of the profile's cities; only synthetic Fjordvik (1.56) does better.
        var fjordvik = Assert.Single(better);
        Assert.Equal("NO-9901", fjordvik.GetProperty("cityId").GetString());
        Assert.Equal(1.56, fjordvik.At("kpis").Items()[0].GetProperty("values").Items()[0].GetProperty("value").GetDouble());
        Assert.True(fjordvik.GetProperty("standing").GetDouble() > fjordvik.GetProperty("cityStanding").GetDouble());

        var onUnemployment = (await GraphQLAnswer.PostAsync(client, """
            { learnFrom(city: "NO-9901", kpi: "EC-P-EM-1C", period: 2020) { cityId standing cityStanding gap kpis { kpiCode values { value } } } }
            """)).Ok().At("learnFrom").Items();
        Assert.NotEmpty(onUnemployment);
        Assert.All(onUnemployment, b => Assert.True(b.GetProperty("standing").GetDouble() > b.GetProperty("cityStanding").GetDouble()));
        Assert.All(onUnemployment, b => Assert.NotEmpty(b.GetProperty("kpis").Items()[0].GetProperty("values").Items()));
    }

    [Fact]
    public async Task The_pairing_is_for_coordinators_and_pairs_each_city_at_most_once()
    {
        const string query = "{ network(period: 2020) { period thinlyReported(minimumCities: 3) { kpiCode reportingCount } strengthsAndGaps(city: \"NO-5001\") { categoryCode class } pairing { totalMutual candidatePairs unpaired pairs { cityId partnerId mutual } } } }";
        using var anonymous = demo.Hub.CreateClient();
        using var coordinator = await demo.Hub.CreateClientAsync(await demo.Hub.AddCoordinatorClientAsync("secretariat"), "network:coordinate network:read");

        var refused = await GraphQLAnswer.PostAsync(anonymous, query);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("FORBIDDEN", error.At("extensions.code").GetString());

        var network = (await GraphQLAnswer.PostAsync(coordinator, query)).Ok().At("network");
        var pairs = network.At("pairing.pairs").Items();
        Assert.NotEmpty(pairs);
        var paired = pairs.SelectMany(p => new[] { p.GetProperty("cityId").GetString(), p.GetProperty("partnerId").GetString() }).ToList();
        Assert.Equal(paired.Count, paired.Distinct().Count());
        Assert.Equal(network.At("pairing.totalMutual").GetDouble(), pairs.Sum(p => p.GetProperty("mutual").GetDouble()), 9);
        Assert.All(network.GetProperty("thinlyReported").Items(), k => Assert.True(k.GetProperty("reportingCount").GetInt32() < 3));
        Assert.NotEmpty(network.GetProperty("strengthsAndGaps").Items());
    }

    [Fact]
    public async Task A_city_that_reported_nothing_is_an_error_naming_it()
    {
        using var client = demo.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, """{ peers(city: "NO-0000", period: 2020) { cityId } }""");

        var error = Assert.Single(answer.Errors);
        Assert.Equal("CITY_NOT_REPORTED", error.At("extensions.code").GetString());
        Assert.Contains("NO-0000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static double Sum(JsonElement[] contributions, string direction) =>
        contributions.Where(c => c.GetProperty("direction").GetString() == direction).Sum(c => c.GetProperty("contribution").GetDouble());
}
