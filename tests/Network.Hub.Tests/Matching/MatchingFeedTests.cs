using System.Net;
using System.Text.Json;
using Network.Hub.Tests.GraphQL;

namespace Network.Hub.Tests.Matching;

/// <summary>Peer matching through the OData feed's functions, as a spreadsheet reads them, on the demo network.</summary>
public sealed class MatchingFeedTests(DemoNetworkFixture demo) : IClassFixture<DemoNetworkFixture>
{
    [Fact]
    public async Task PeerMatches_and_MatchContributions_give_the_partners_and_explanations_that_add_up()
    {
        using var client = demo.Hub.CreateClient();

        var matches = await RowsAsync(client, "/odata/PeerMatches(city='NO-5001',period=2020)");
        var contributions = await RowsAsync(client, "/odata/MatchContributions(city='NO-5001',period=2020)");

        Assert.NotEmpty(matches);
        Assert.Equal(Enumerable.Range(1, matches.Count), matches.Select(m => m.GetProperty("Rank").GetInt32()));
        foreach (var match in matches)
        {
            var partner = match.GetProperty("PartnerId").GetString();
            var mine = contributions.Where(c => c.GetProperty("PartnerId").GetString() == partner).ToList();
            Assert.Equal(match.GetProperty("Teaches").GetDouble(), Sum(mine, "PartnerTeaches"), 9);
            Assert.Equal(match.GetProperty("Learns").GetDouble(), Sum(mine, "PartnerLearns"), 9);
        }
    }

    [Fact]
    public async Task Query_options_apply_to_function_rows()
    {
        using var client = demo.Hub.CreateClient();

        var top = await RowsAsync(client, "/odata/StrengthsAndGaps(period=2020)?$filter=CityId eq 'NO-5001' and Class eq 'Strength'&$orderby=MeanStanding desc&$select=CategoryCode,MeanStanding&$top=3");

        Assert.InRange(top.Count, 1, 3);
        var standings = top.Select(r => r.GetProperty("MeanStanding").GetDouble()).ToList();
        Assert.Equal(standings.OrderDescending(), standings);
        Assert.All(top, r => Assert.False(r.TryGetProperty("CityId", out _)));
    }

    [Fact]
    public async Task NetworkPairing_needs_a_coordinator_and_the_metadata_describes_every_function()
    {
        using var anonymous = demo.Hub.CreateClient();
        using var coordinator = await demo.Hub.CreateClientAsync(await demo.Hub.AddCoordinatorClientAsync("pairing-reader"), "network:coordinate");

        using (var refused = await anonymous.GetAsync("/odata/NetworkPairing(period=2020)", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var pairs = await RowsAsync(coordinator, "/odata/NetworkPairing(period=2020)");
        Assert.NotEmpty(pairs);
        var paired = pairs.SelectMany(p => new[] { p.GetProperty("CityId").GetString(), p.GetProperty("PartnerId").GetString() }).ToList();
        Assert.Equal(paired.Count, paired.Distinct().Count());

        var metadata = await anonymous.GetStringAsync("/odata/$metadata", TestContext.Current.CancellationToken);
        foreach (var function in new[] { "PeerMatches", "MatchContributions", "LearnFrom", "StrengthsAndGaps", "NetworkPairing" })
        {
            Assert.Contains($"<Function Name=\"{function}\"", metadata, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_city_without_values_is_a_404_problem_naming_it()
    {
        using var client = demo.Hub.CreateClient();

        using var response = await client.GetAsync("/odata/PeerMatches(city='NO-0000',period=2020)", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NO-0000", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static double Sum(List<JsonElement> rows, string direction) =>
        rows.Where(r => r.GetProperty("Direction").GetString() == direction).Sum(r => r.GetProperty("Contribution").GetDouble());

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, string url)
    {
        return [.. (await OkAnswers.GetJsonAsync(client, url)).GetProperty("value").Items()];
    }
}
