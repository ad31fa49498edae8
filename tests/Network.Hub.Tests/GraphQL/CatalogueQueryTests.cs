namespace Network.Hub.Tests.GraphQL;

public sealed class CatalogueQueryTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    [Fact]
    public async Task The_catalogue_tree_holds_three_dimensions_seven_sub_dimensions_and_all_91_kpis()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """
            { catalogue { version kpiCount dimensions { code name subDimensions { code name categories { code name kpis { code } } } } } }
            """)).Ok();

        Assert.Equal("u4ssc-2017.1", data.At("catalogue.version").GetString());
        Assert.Equal(91, data.At("catalogue.kpiCount").GetInt32());
        var dimensions = data.At("catalogue.dimensions").Items();
        Assert.Equal(["EC", "EN", "SC"], dimensions.Select(d => d.GetProperty("code").GetString()!));
        var subDimensions = dimensions.SelectMany(d => d.GetProperty("subDimensions").Items()).ToArray();
        Assert.Equal(7, subDimensions.Length);
        var kpis = subDimensions.SelectMany(s => s.GetProperty("categories").Items()).SelectMany(c => c.GetProperty("kpis").Items()).ToArray();
        Assert.Equal(91, kpis.Length);
    }

    [Fact]
    public async Task A_kpi_carries_its_unit_direction_type_data_points_and_sdgs()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """
            {
              unemployment: kpi(code: "EC-P-EM-1C") { name category unit { symbol kind minimum maximum } direction type dataPoints sdgs }
              wireless: kpi(code: "EC-ICT-ICT-4C") { dataPoints sdgs }
              nothing: kpi(code: "XX-1") { code }
            }
            """)).Ok();

        Assert.Equal("Unemployment Rate", data.At("unemployment.name").GetString());
        Assert.Equal("%", data.At("unemployment.unit.symbol").GetString());
        Assert.Equal("PERCENTAGE", data.At("unemployment.unit.kind").GetString());
        Assert.Equal(100, data.At("unemployment.unit.maximum").GetDouble());
        Assert.Equal("LOWER_IS_BETTER", data.At("unemployment.direction").GetString());
        Assert.Equal("CORE", data.At("unemployment.type").GetString());
        Assert.Empty(data.At("unemployment.dataPoints").Items());
        Assert.Equal([8], data.At("unemployment.sdgs").Items().Select(s => s.GetInt32()));
        Assert.Equal(["3G", "4G"], data.At("wireless.dataPoints").Items().Select(p => p.GetString()!));
        Assert.Equal([5, 9, 17], data.At("wireless.sdgs").Items().Select(s => s.GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.At("nothing").ValueKind);
    }

    [Fact]
    public async Task The_kpi_list_filters_by_dimension_and_category()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """
            { catalogue { environment: kpis(dimension: "EN") { code } water: kpis(category: "Water and Sanitation") { code } } }
            """)).Ok();

        Assert.All(data.At("catalogue.environment").Items(), k => Assert.StartsWith("EN-", k.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Contains(data.At("catalogue.water").Items(), k => k.GetProperty("code").GetString() == SampleNetwork.WaterLoss);
        Assert.Contains(data.At("catalogue.water").Items(), k => k.GetProperty("code").GetString() == "EC-ICT-WS-1C");
    }
}
