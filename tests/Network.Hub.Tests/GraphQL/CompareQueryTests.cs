using System.Text.Json;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.GraphQL;

public sealed class CompareQueryTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private const string Table = """
        query Compare($cities: [ID!]!, $kpis: [String!]) {
          compare(cities: $cities, kpis: $kpis, period: 2020) {
            period asOf targetSet
            cities { id name synthetic reported }
            rows {
              kpiCode dataPoint name unit direction reportingCount networkMedian
              cells { cityId reported value unit percentOfTarget points band rank percentile networkMedian reportingCount quality verified }
            }
          }
        }
        """;

    [Fact]
    public async Task Compares_a_row_per_kpi_with_a_cell_per_city_in_the_order_asked_for()
    {
        using var client = network.Hub.CreateClient();

        var table = (await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim, Fjordvik, Nettby, Bergen }, kpis = new[] { Internet, Unemployment, Ghg } })).Ok().At("compare");

        Assert.Equal(2020, table.GetProperty("period").GetInt32());
        Assert.Equal("definition-implied 1", table.GetProperty("targetSet").GetString());
        Assert.Equal([Trondheim, Fjordvik, Nettby, Bergen], table.GetProperty("cities").Items().Select(c => c.GetProperty("id").GetString()!));
        Assert.Equal([false, true, true, false], table.GetProperty("cities").Items().Select(c => c.GetProperty("synthetic").GetBoolean()));
        var rows = table.GetProperty("rows").Items();
        Assert.Equal([Internet, Unemployment, Ghg], rows.Select(r => r.GetProperty("kpiCode").GetString()!));

        // Higher is better: Nettby 100, Trondheim 98, Bergen 95, Fjordvik 85.19.
        var internet = rows[0];
        Assert.Equal("Household Internet Access", internet.GetProperty("name").GetString());
        Assert.Equal("HIGHER_IS_BETTER", internet.GetProperty("direction").GetString());
        Assert.Equal(96.5, internet.GetProperty("networkMedian").GetDouble(), 9);
        Assert.Equal(4, internet.GetProperty("reportingCount").GetInt32());
        Assert.Equal([98, 85.19, 100, 95], Cells(internet, "value"));
        Assert.Equal([98, 85.19, 100, 95], Cells(internet, "percentOfTarget").Select(p => Math.Round(p!.Value, 9)));
        Assert.Equal([4, 3, 4, 4], Cells(internet, "points"));
        Assert.Equal(["AT_LEAST_95", "FROM_66_TO_95", "AT_LEAST_95", "AT_LEAST_95"], internet.GetProperty("cells").Items().Select(c => c.GetProperty("band").GetString()!));
        Assert.Equal([2, 4, 1, 3], Cells(internet, "rank"));

        // Lower is better: Trondheim 1.34, Bergen 2.1, Nettby 2.8, Fjordvik 3.5; no default target, so no score.
        var unemployment = rows[1];
        Assert.Equal("LOWER_IS_BETTER", unemployment.GetProperty("direction").GetString());
        Assert.Equal([1.34, 3.5, 2.8, 2.1], Cells(unemployment, "value"));
        Assert.Equal([1, 4, 3, 2], Cells(unemployment, "rank"));
        Assert.Equal([100, 0, 33.333333333, 66.666666667], Cells(unemployment, "percentile").Select(p => Math.Round(p!.Value, 9)));
        Assert.Equal(2.45, unemployment.GetProperty("networkMedian").GetDouble(), 9);
        Assert.All(Cells(unemployment, "percentOfTarget"), v => Assert.Null(v));
        Assert.All(Cells(unemployment, "points"), v => Assert.Null(v));
        Assert.All(unemployment.GetProperty("cells").Items(), c => Assert.Equal("MEASURED", c.GetProperty("quality").GetString()));
        Assert.All(unemployment.GetProperty("cells").Items(), c => Assert.False(c.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task A_value_a_city_did_not_report_is_null_never_zero_and_is_not_ranked()
    {
        using var client = network.Hub.CreateClient();

        var ghg = (await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim, Fjordvik, Nettby, Bergen }, kpis = new[] { Ghg } })).Ok().At("compare.rows.0");

        Assert.Equal([2.46, 1.9, null, 3.1], Cells(ghg, "value"));
        Assert.Equal([2, 1, null, 3], Cells(ghg, "rank"));
        Assert.Equal(3, ghg.GetProperty("reportingCount").GetInt32());
        Assert.Equal(2.46, ghg.GetProperty("networkMedian").GetDouble());
        var nettby = ghg.At("cells.2");
        Assert.False(nettby.GetProperty("reported").GetBoolean());
        foreach (var empty in new[] { "value", "percentOfTarget", "points", "band", "rank", "percentile", "quality", "verified" })
        {
            Assert.Equal(JsonValueKind.Null, nettby.GetProperty(empty).ValueKind);
        }

        Assert.Equal("tCO2e per capita per year", nettby.GetProperty("unit").GetString());
        Assert.Equal(2.46, nettby.GetProperty("networkMedian").GetDouble());
        Assert.Equal(3, nettby.GetProperty("reportingCount").GetInt32());
    }

    [Fact]
    public async Task Without_kpis_every_kpi_any_of_the_cities_reported_is_a_row_and_data_points_are_rows_of_their_own()
    {
        using var client = network.Hub.CreateClient();

        var rows = (await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Bergen, Nettby } })).Ok().At("compare.rows").Items();

        Assert.Equal(
            [(Internet, null), (Wireless, "4G"), (Unemployment, null), (WaterSupply, null), (Ghg, null)],
            rows.Select(r => (r.GetProperty("kpiCode").GetString()!, r.GetProperty("dataPoint").Text())));
        Assert.Equal([98, null], Cells(rows[1], "value"));
        Assert.Equal(2, rows[1].GetProperty("reportingCount").GetInt32()); // Trondheim and Bergen, in the whole network
    }

    [Fact]
    public async Task A_kpi_asked_for_by_code_brings_a_row_for_each_of_its_data_points()
    {
        using var client = network.Hub.CreateClient();

        var rows = (await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim, Bergen }, kpis = new[] { Wireless } })).Ok().At("compare.rows").Items();

        Assert.Equal(["3G", "4G"], rows.Select(r => r.GetProperty("dataPoint").GetString()!));
        Assert.Equal([99.9, null], Cells(rows[0], "value"));
        Assert.Equal([99.5, 98], Cells(rows[1], "value"));
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null], rows[0].GetProperty("cells").Items().Select(c => c.GetProperty("percentOfTarget").ValueKind)); // 3G has no target
        Assert.Equal([99.5, 98], Cells(rows[1], "percentOfTarget"));
    }

    [Fact]
    public async Task A_city_that_reported_nothing_for_the_period_is_a_column_of_nulls()
    {
        using var client = network.Hub.CreateClient();

        var table = (await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim, Elvdal }, kpis = new[] { Unemployment } })).Ok().At("compare");

        Assert.Equal([true, false], table.GetProperty("cities").Items().Select(c => c.GetProperty("reported").GetBoolean()));
        Assert.Equal([1.34, null], Cells(table.At("rows.0"), "value"));
    }

    [Fact]
    public async Task Unknown_cities_and_kpis_are_errors_naming_each()
    {
        using var client = network.Hub.CreateClient();

        var cities = await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim, "NO-0000", "SE-1111" } });
        var kpis = await GraphQLAnswer.PostAsync(client, Table, new { cities = new[] { Trondheim }, kpis = new[] { "EC-NOPE" } });

        Assert.Equal(["UNKNOWN_CITY", "UNKNOWN_CITY"], cities.ErrorCodes);
        Assert.Contains("NO-0000", cities.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("SE-1111", cities.Errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All(cities.Errors, e => Assert.Equal("compare", e.At("path.0").GetString()));
        Assert.Equal(JsonValueKind.Null, cities.Data.ValueKind);
        Assert.Equal(["UNKNOWN_KPI"], kpis.ErrorCodes);
    }

    private static double?[] Cells(JsonElement row, string field) =>
        row.GetProperty("cells").Items().Select(c => c.GetProperty(field).Number()).ToArray();
}
