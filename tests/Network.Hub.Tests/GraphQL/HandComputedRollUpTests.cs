using System.Text.Json;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.GraphQL;

/// <summary>
/// Roll-ups through the GraphQL door, with numbers worked out by hand from the U4SSC rules (arithmetic in the
/// comments), not by the engine: <c>ScoreQueryTests.The_score_card_is_the_engines_for_the_same_data</c> shows the door
/// passes the engine's card through unchanged; these show the card is right.
/// </summary>
/// <remarks>
/// The sample network's current 2020 values used here (default targets: internet access 100 %, unemployment none):
/// <code>
///                                  Trondheim  Bergen  Fjordvik  Nettby
///   EC-ICT-ICT-1C internet (%)         98       95     85.19      100    higher is better
///   EC-P-EM-1C unemployment (%)        1.34     2.1    3.5        2.8    lower is better
/// </code>
/// </remarks>
public sealed class HandComputedRollUpTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private const string Query = """
        query Card($city: ID!) { city(id: $city) { scores(period: 2020) {
          categories { ...RollUp } subDimensions { ...RollUp } dimensions { ...RollUp } } } }
        fragment RollUp on RollUp { code points maxPoints percentage band meanPercentile percentileCount }
        """;

    [Fact]
    public async Task Nettby_scores_4_of_4_in_the_economy_with_a_mean_percentile_of_66_67()
    {
        var card = await CardAsync(Nettby);

        // Internet 100 / 100 = 100 % → [95, 100] → 4 points; unemployment has no target → not scored.
        // Economy (EC): 4 of 1 × 4 = 4 → 100 % → AT_LEAST_95.
        // Percentiles (n = 4, 3 others): internet 100 is better than all 3 → 100;
        // unemployment 2.8 is better only than 3.5 → 100 × 1 / 3 = 33.33; mean (100 + 33.33) / 2 = 66.67 over 2 KPIs.
        AssertRollUp(card, "dimensions", "EC", 4, 4, 100, "AT_LEAST_95", 200.0 / 3, 2);
        // Productivity (EC-P): only unemployment, unscored → no percentage, no band (not 0 %); mean percentile 33.33 over 1.
        AssertRollUp(card, "subDimensions", "EC-P", 0, 0, null, null, 100.0 / 3, 1);
    }

    [Fact]
    public async Task Fjordvik_scores_3_of_4_in_ICT_infrastructure_and_stands_last_on_both_KPIs()
    {
        var card = await CardAsync(Fjordvik);

        // Internet 85.19 / 100 = 85.19 % → [66, 95) → 3 points; ICT infrastructure (EC-ICT-ICT): 3 of 4 → 75 % →
        // FROM_66_TO_95. Percentile: worst of 4 → 0.
        AssertRollUp(card, "categories", "EC-ICT-ICT", 3, 4, 75, "FROM_66_TO_95", 0, 1);
        // Economy: the same 3 of 4 (unemployment unscored); unemployment 3.5 is the worst too → mean (0 + 0) / 2 = 0.
        AssertRollUp(card, "dimensions", "EC", 3, 4, 75, "FROM_66_TO_95", 0, 2);
    }

    private async Task<JsonElement> CardAsync(string cityId)
    {
        using var client = network.Hub.CreateClient();
        return (await GraphQLAnswer.PostAsync(client, Query, new { city = cityId })).Ok().At("city.scores");
    }

    private static void AssertRollUp(JsonElement card, string level, string code, double points, int maxPoints, double? percentage, string? band, double? meanPercentile, int percentileCount)
    {
        var rollUp = card.GetProperty(level).Items().Single(r => r.GetProperty("code").GetString() == code);
        Assert.Equal(points, rollUp.GetProperty("points").GetDouble(), 9);
        Assert.Equal(maxPoints, rollUp.GetProperty("maxPoints").GetInt32());
        Assert.Equal(percentage, Rounded(rollUp.GetProperty("percentage")));
        Assert.Equal(band, rollUp.GetProperty("band").ValueKind == JsonValueKind.Null ? null : rollUp.GetProperty("band").GetString());
        Assert.Equal(meanPercentile is { } m ? Math.Round(m, 9) : null, Rounded(rollUp.GetProperty("meanPercentile")));
        Assert.Equal(percentileCount, rollUp.GetProperty("percentileCount").GetInt32());
    }

    private static double? Rounded(JsonElement number) => number.ValueKind == JsonValueKind.Null ? null : Math.Round(number.GetDouble(), 9);
}
