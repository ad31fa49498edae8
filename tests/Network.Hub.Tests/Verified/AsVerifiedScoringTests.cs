using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Network.Hub.Tests.Exports;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.OData;
using Network.Testing.Hub;
using static Network.Hub.Tests.Verified.VerifiedNetwork;

namespace Network.Hub.Tests.Verified;

/// <summary>
/// Scores "as verified" count only verified values (a U4SSC City Snapshot), scores "as reported" everything; every
/// answer says which. The numbers are those <see cref="VerifiedNetwork"/> describes: internet's default target is
/// 100 %, so a value's percent of target is the value itself.
/// </summary>
public sealed class AsVerifiedScoringTests(VerifiedNetwork network) : IClassFixture<VerifiedNetwork>
{
    private const string Compare = """
        query Compare($basis: ScoringBasis) {
          compare(cities: ["NO-5001", "NO-4601", "NO-1507"], kpis: ["EC-ICT-ICT-1C", "EC-P-EM-1C", "EN-EN-AQ-2C"], period: 2020, basis: $basis) {
            basis
            rows { kpiCode reportingCount cells { cityId reported value percentOfTarget rank verified } }
          }
        }
        """;

    [Fact]
    public async Task As_verified_a_comparison_counts_only_verified_values_and_says_so()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var reported = (await GraphQLAnswer.PostAsync(client, Compare, new { basis = "AS_REPORTED" })).Ok().At("compare");
        var verified = (await GraphQLAnswer.PostAsync(client, Compare, new { basis = "AS_VERIFIED" })).Ok().At("compare");

        Assert.Equal(("AS_REPORTED", "AS_VERIFIED"), (reported.Text("basis"), verified.Text("basis")));
        // As reported: internet 99, 95, 90, ranked in that order.
        Assert.Equal([(true, 99.0, 1), (true, 95.0, 2), (true, 90.0, 3)], Cells(reported, Internet));
        Assert.Equal(3, Row(reported, Internet).GetProperty("reportingCount").GetInt32());
        // As verified: Trondheim's corrected 99 has no verdict, so Bergen's 95 ranks first of two.
        Assert.Equal([(false, (double?)null, (int?)null), (true, 95.0, 1), (true, 90.0, 2)], Cells(verified, Internet));
        Assert.Equal(2, Row(verified, Internet).GetProperty("reportingCount").GetInt32());
        // Unemployment (lower is better): Trondheim's 1.34 and Ålesund's 3.0 are verified, Bergen's 2.1 is not.
        Assert.Equal([(true, 1.34, 1), (false, null, null), (true, 3.0, 2)], Cells(verified, Unemployment));
        Assert.Equal(0, Row(verified, Ghg).GetProperty("reportingCount").GetInt32()); // a question and a refusal: nobody
        Assert.All(verified.At("rows").Items().SelectMany(r => r.GetProperty("cells").Items()).Where(c => c.GetProperty("reported").GetBoolean()),
            c => Assert.True(c.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task As_verified_the_public_counts_only_verdicts_it_may_see()
    {
        using var client = network.Hub.CreateClient();

        var verified = (await GraphQLAnswer.PostAsync(client, Compare, new { basis = "AS_VERIFIED" })).Ok().At("compare");

        // Bergen's internet was verified on its embargoed preliminary snapshot: not for the public.
        Assert.Equal([(false, (double?)null, (int?)null), (false, null, null), (true, 90.0, 1)], Cells(verified, Internet));
    }

    [Fact]
    public async Task A_score_card_says_its_basis_and_leaves_unverified_kpis_out()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        const string query = """
            { city(id: "NO-5001") {
                reported: scores(period: 2020) { basis kpis { code } }
                verified: scores(period: 2020, basis: AS_VERIFIED) { basis kpis { code values { value verified } } } } }
            """;

        var city = (await GraphQLAnswer.PostAsync(client, query)).Ok().At("city");

        Assert.Equal("AS_REPORTED", city.At("reported.basis").GetString());
        Assert.Equal(new[] { Internet, Unemployment, Ghg }.Order(StringComparer.Ordinal), city.At("reported.kpis").Items().Select(k => k.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("AS_VERIFIED", city.At("verified.basis").GetString());
        var kpi = Assert.Single(city.At("verified.kpis").Items());
        Assert.Equal(Unemployment, kpi.GetProperty("code").GetString());
        Assert.True(Assert.Single(kpi.GetProperty("values").Items()).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task The_csv_export_has_a_verified_column_and_scores_as_verified_when_asked()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        const string cities = $"cities={Trondheim},{Bergen},{Alesund}&kpis={Internet},{Unemployment}&period=2020";

        var reported = await CsvTable.GetAsync(client, $"/api/compare.csv?{cities}");
        var verified = await CsvTable.GetAsync(client, $"/api/compare.csv?{cities}&basis=asVerified");
        using var response = await client.GetAsync($"/api/compare.xlsx?{cities}&basis=asVerified", TestContext.Current.CancellationToken);

        Assert.Equal(["no", "yes", "yes"], new[] { Trondheim, Bergen, Alesund }.Select(c => reported.Field(reported.Row(Internet), $"{c} verified")));
        Assert.Equal(["yes", "no", "yes"], new[] { Trondheim, Bergen, Alesund }.Select(c => reported.Field(reported.Row(Unemployment), $"{c} verified")));
        Assert.Equal(["", "95", "90"], new[] { Trondheim, Bergen, Alesund }.Select(c => verified.Field(verified.Row(Internet), $"{c} value")));
        Assert.Equal(["", "1", "2"], new[] { Trondheim, Bergen, Alesund }.Select(c => verified.Field(verified.Row(Internet), $"{c} rank")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"comparison-2020-{Trondheim}-{Bergen}-{Alesund}-as-verified.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task An_unknown_basis_is_a_400_naming_the_parameter()
    {
        using var client = network.Hub.CreateClient();

        using var export = await client.GetAsync($"/api/compare.csv?cities={Trondheim}&period=2020&basis=audited", TestContext.Current.CancellationToken);
        using var feed = await client.GetAsync("/odata/KpiValues?$select=Score&basis=audited", TestContext.Current.CancellationToken);
        using var matching = await client.GetAsync($"/odata/PeerMatches(city='{Trondheim}',period=2020)?basis=audited", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.True((await export.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("basis", out _));
        Assert.Equal(HttpStatusCode.BadRequest, feed.StatusCode);
        Assert.Contains("asVerified", await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, matching.StatusCode);
        Assert.Contains("asVerified", await matching.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_scores_as_verified_when_asked_and_every_row_says_its_basis()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        const string filter = $"$filter=KpiCode eq '{Internet}' and Current eq true&$select=CityId,Score,Rank,ReportingCities,Basis&$orderby=CityId";

        var reported = (await OkAnswers.GetJsonAsync(client, $"/odata/KpiValues?{filter}")).GetProperty("value").EnumerateArray().ToArray();
        var verified = (await OkAnswers.GetJsonAsync(client, $"/odata/KpiValues?{filter}&basis=asVerified")).GetProperty("value").EnumerateArray().ToArray();

        Assert.All(reported, r => Assert.Equal(("asReported", 3), (r.Text("Basis"), r.Int("ReportingCities"))));
        Assert.All(verified, r => Assert.Equal("asVerified", r.Text("Basis")));
        // NO-1507 90, NO-4601 95 verified; NO-5001's 99 is not, so it has no score as verified.
        Assert.Equal([(90.0, 2, 2), (95.0, 1, 2)], verified.Take(2).Select(r => (r.Number("Score")!.Value, r.Int("Rank")!.Value, r.Int("ReportingCities")!.Value)));
        Assert.Equal(JsonValueKind.Null, verified[2].GetProperty("Score").ValueKind);
    }

    [Fact]
    public async Task Matching_weighs_a_value_by_its_real_verdict()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        const string query = """
            { peers(city: "NO-5001", mode: COMPLEMENTARY, period: 2020, minimumOverlap: 1) {
                cityId basis
                match { contributions { kpiCode weight city { values { verified qualityWeight } } partner { values { verified qualityWeight } } } } } }
            """;

        var peers = (await GraphQLAnswer.PostAsync(client, query)).Ok().At("peers").Items();

        var alesund = peers.Single(p => p.GetProperty("cityId").GetString() == Alesund);
        Assert.Equal("AS_REPORTED", alesund.GetProperty("basis").GetString());
        var contributions = alesund.At("match.contributions").Items().ToDictionary(c => c.GetProperty("kpiCode").GetString()!);
        // Unemployment: both measured and verified, 1.0 x 1.0. Internet: Trondheim's 99 unverified (0.8) x Ålesund's verified 90 (1.0).
        Assert.Equal(1.0, contributions[Unemployment].GetProperty("weight").GetDouble(), 6);
        Assert.Equal((true, 1.0), Value(contributions[Unemployment], "city"));
        Assert.Equal(0.8, contributions[Internet].GetProperty("weight").GetDouble(), 6);
        Assert.Equal((false, 0.8), Value(contributions[Internet], "city"));
        Assert.Equal((true, 1.0), Value(contributions[Internet], "partner"));
        // GHG, which Ålesund teaches: a question (0.8) x a refusal (0.8).
        Assert.Equal(0.64, contributions[Ghg].GetProperty("weight").GetDouble(), 6);
    }

    private static (bool, double) Value(JsonElement contribution, string side)
    {
        var value = Assert.Single(contribution.At($"{side}.values").Items());
        return (value.GetProperty("verified").GetBoolean(), Math.Round(value.GetProperty("qualityWeight").GetDouble(), 6));
    }

    private static JsonElement Row(JsonElement table, string kpi) => table.At("rows").Items().Single(r => r.GetProperty("kpiCode").GetString() == kpi);

    private static List<(bool, double?, int?)> Cells(JsonElement table, string kpi) =>
        [.. Row(table, kpi).GetProperty("cells").Items().Select(c => (c.GetProperty("reported").GetBoolean(), c.GetProperty("value").Number(), c.GetProperty("rank").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("rank").GetInt32()))];
}
