using System.Text.Json;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.GraphQL;

public sealed class ScoreQueryTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private const string CardQuery = """
        query Card($city: ID!) {
          city(id: $city) {
            scores(period: 2020) {
              cityId period targetSet { name version }
              kpis {
                code points band percentile explanation
                values { kpiCode dataPoint value unit quality verified percentOfTarget points band percentile rank reportingCount networkMedian explanation
                         target { value source } }
              }
              categories { ...RollUp } subDimensions { ...RollUp } dimensions { ...RollUp }
            }
          }
        }
        fragment RollUp on RollUp { level code name points maxPoints percentage band meanPercentile percentileCount countedKpis reported notReported explanation }
        """;

    [Fact]
    public async Task Household_internet_access_98_against_the_default_target_100_is_98_percent_4_points_band_95_plus()
    {
        using var client = network.Hub.CreateClient();

        var kpi = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-5001") { scores(period: 2020) { kpi(code: "EC-ICT-ICT-1C") {
                points band values { value percentOfTarget points band target { value source } rank reportingCount networkMedian percentile } } } } }
            """)).Ok().At("city.scores.kpi");

        var value = kpi.At("values.0");
        Assert.Equal(98, value.GetProperty("value").GetDouble());
        Assert.Equal(100, value.At("target.value").GetDouble());
        Assert.Equal(TargetSet.DefinitionImpliedSource, value.At("target.source").GetString());
        Assert.Equal(98, value.GetProperty("percentOfTarget").GetDouble(), 9);
        Assert.Equal(4, value.GetProperty("points").GetInt32());
        Assert.Equal("AT_LEAST_95", value.GetProperty("band").GetString());
        Assert.Equal(4, kpi.GetProperty("points").GetDouble());
        // Nettby 100, Trondheim 98, Bergen 95, Fjordvik 85.19: higher is better.
        Assert.Equal(2, value.GetProperty("rank").GetInt32());
        Assert.Equal(4, value.GetProperty("reportingCount").GetInt32());
        Assert.Equal(96.5, value.GetProperty("networkMedian").GetDouble(), 9);
        Assert.Equal(100.0 * 2 / 3, value.GetProperty("percentile").GetDouble(), 9);
    }

    [Fact]
    public async Task A_lower_is_better_kpi_ranks_the_lowest_value_first_and_without_a_target_earns_no_points()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """
            {
              trondheim: city(id: "NO-5001") { scores(period: 2020) { kpi(code: "EC-P-EM-1C") { points band values { value rank percentile networkMedian percentOfTarget points band target { value } } } } }
              fjordvik: city(id: "NO-9901") { scores(period: 2020) { kpi(code: "EC-P-EM-1C") { values { value rank percentile } } } }
            }
            """)).Ok();

        var trondheim = data.At("trondheim.scores.kpi.values.0");
        Assert.Equal(1.34, trondheim.GetProperty("value").GetDouble());
        Assert.Equal(1, trondheim.GetProperty("rank").GetInt32());
        Assert.Equal(100, trondheim.GetProperty("percentile").GetDouble());
        Assert.Equal(2.45, trondheim.GetProperty("networkMedian").GetDouble(), 9); // 1.34, 2.1 | 2.8, 3.5
        foreach (var empty in new[] { "percentOfTarget", "points", "band", "target" })
        {
            Assert.Equal(JsonValueKind.Null, trondheim.GetProperty(empty).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, data.At("trondheim.scores.kpi.points").ValueKind);
        var fjordvik = data.At("fjordvik.scores.kpi.values.0");
        Assert.Equal(4, fjordvik.GetProperty("rank").GetInt32());
        Assert.Equal(0, fjordvik.GetProperty("percentile").GetDouble());
    }

    [Theory]
    [InlineData(Trondheim)]
    [InlineData(Bergen)]
    [InlineData(Fjordvik)]
    [InlineData(Nettby)]
    public async Task The_score_card_is_the_engines_for_the_same_data(string cityId)
    {
        using var client = network.Hub.CreateClient();
        var expected = new Scorer(NetworkPeriod.Create(2020, network.Values2020), TargetSet.Default).Score(cityId);

        var card = (await GraphQLAnswer.PostAsync(client, CardQuery, new { city = cityId })).Ok().At("city.scores");

        Assert.Equal(cityId, card.GetProperty("cityId").GetString());
        Assert.Equal("definition-implied", card.At("targetSet.name").GetString());
        Assert.Equal("1", card.At("targetSet.version").GetString());
        var kpis = card.GetProperty("kpis").Items();
        Assert.Equal(expected.Kpis.Select(k => k.Code), kpis.Select(k => k.GetProperty("code").GetString()!));
        foreach (var (score, json) in expected.Kpis.Zip(kpis))
        {
            Assert.Equal(score.Points, json.GetProperty("points").Number());
            Assert.Equal(BandNames.Of(score.Band), json.GetProperty("band").Text());
            AssertClose(score.Percentile, json.GetProperty("percentile").Number());
            Assert.Equal(score.Explanation, json.GetProperty("explanation").GetString());
            foreach (var (value, v) in score.Values.Zip(json.GetProperty("values").Items(), (a, b) => (a, b)))
            {
                Assert.Equal(value.Key.DataPoint, v.GetProperty("dataPoint").Text());
                Assert.Equal(value.Value, v.GetProperty("value").GetDouble());
                AssertClose(value.PercentOfTarget, v.GetProperty("percentOfTarget").Number());
                Assert.Equal(value.Points, v.GetProperty("points").Number() is { } p ? (int)p : null);
                Assert.Equal(BandNames.Of(value.Band), v.GetProperty("band").Text());
                AssertClose(value.Standing.Percentile, v.GetProperty("percentile").Number());
                Assert.Equal(value.Standing.Rank, v.GetProperty("rank").Number() is { } r ? (int)r : null);
                Assert.Equal(value.Standing.ReportingCount, v.GetProperty("reportingCount").GetInt32());
                AssertClose(value.Standing.NetworkMedian, v.GetProperty("networkMedian").GetDouble());
                Assert.Equal(value.Target?.Value, v.GetProperty("target").ValueKind == JsonValueKind.Null ? null : v.At("target.value").GetDouble());
                Assert.Equal(value.Verified, v.GetProperty("verified").GetBoolean());
                Assert.Equal(value.Explanation, v.GetProperty("explanation").GetString());
            }
        }

        AssertRollUps(expected.Categories, card.GetProperty("categories"), "CATEGORY");
        AssertRollUps(expected.SubDimensions, card.GetProperty("subDimensions"), "SUB_DIMENSION");
        AssertRollUps(expected.Dimensions, card.GetProperty("dimensions"), "DIMENSION");
    }

    [Fact]
    public async Task A_city_that_reported_nothing_for_the_period_has_no_score_card()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-9903") { scores(period: 2020) { cityId } } }""")).Ok();

        Assert.Equal(JsonValueKind.Null, data.At("city.scores").ValueKind);
    }

    [Fact]
    public async Task Every_citys_scores_come_in_one_query()
    {
        using var client = network.Hub.CreateClient();

        var cities = (await GraphQLAnswer.PostAsync(client, """
            { cities { id scores(period: 2020) { dimensions { code percentage band countedKpis } } } }
            """)).Ok().At("cities").Items();

        Assert.Equal(5, cities.Length);
        var economy = cities.Single(c => c.GetProperty("id").GetString() == Trondheim).At("scores.dimensions.0");
        Assert.Equal("EC", economy.GetProperty("code").GetString());
        Assert.Equal(3, economy.GetProperty("countedKpis").GetInt32()); // internet access, 4G coverage, basic water supply
    }

    [Fact]
    public async Task An_unknown_target_set_is_an_error_naming_the_ones_the_hub_has()
    {
        using var client = network.Hub.CreateClient();

        var answer = await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-5001") { scores(period: 2020, targetSet: "oslo-2030") { cityId } } }""");

        var error = Assert.Single(answer.Errors);
        Assert.Equal("UNKNOWN_TARGET_SET", error.At("extensions.code").GetString());
        Assert.Contains("definition-implied", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_target_sets_are_listed_with_their_targets()
    {
        using var client = network.Hub.CreateClient();

        var sets = (await GraphQLAnswer.PostAsync(client, "{ targetSets { name version catalogueVersion targets { kpiCode dataPoint value } } }")).Ok().At("targetSets").Items();

        var set = Assert.Single(sets);
        Assert.Equal(TargetSet.Default.Targets.Count, set.GetProperty("targets").Items().Length);
        Assert.Contains(set.GetProperty("targets").Items(), t => t.GetProperty("kpiCode").GetString() == Wireless && t.GetProperty("dataPoint").GetString() == "4G");
    }

    private static void AssertRollUps(IReadOnlyList<RollUp> expected, JsonElement actual, string level)
    {
        var items = actual.Items();
        Assert.Equal(expected.Select(r => r.Code), items.Select(r => r.GetProperty("code").GetString()!));
        foreach (var (rollUp, json) in expected.Zip(items))
        {
            Assert.Equal(level, json.GetProperty("level").GetString());
            Assert.Equal(rollUp.Name, json.GetProperty("name").GetString());
            Assert.Equal(rollUp.Points, json.GetProperty("points").GetDouble());
            Assert.Equal(rollUp.MaxPoints, json.GetProperty("maxPoints").GetInt32());
            AssertClose(rollUp.Percentage, json.GetProperty("percentage").Number());
            Assert.Equal(BandNames.Of(rollUp.Band), json.GetProperty("band").Text());
            AssertClose(rollUp.MeanPercentile, json.GetProperty("meanPercentile").Number());
            Assert.Equal(rollUp.PercentileCount, json.GetProperty("percentileCount").GetInt32());
            Assert.Equal(rollUp.ScoredCount, json.GetProperty("countedKpis").GetInt32());
            Assert.Equal(rollUp.Kpis.Select(k => k.Code), json.GetProperty("reported").Items().Select(k => k.GetString()!));
            Assert.Equal(rollUp.NotReported, json.GetProperty("notReported").Items().Select(k => k.GetString()!));
            Assert.Equal(rollUp.Explanation, json.GetProperty("explanation").GetString());
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }
}
