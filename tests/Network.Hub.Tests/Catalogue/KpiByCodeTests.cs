using System.Net;
using System.Text.Json;
using Network.Contracts.Catalogue;
using Network.Hub.Catalogue;

namespace Network.Hub.Tests.Catalogue;

public sealed class KpiByCodeTests(HubApplication hub)
{
    [Fact]
    public async Task Returns_the_kpi_with_that_code()
    {
        var kpi = await hub.GetOkAsync<KpiResponse>("/api/kpis/EN-EN-AQ-1C");

        Assert.Equal("EN-EN-AQ-1C", kpi.Code);
        Assert.Equal("EN: EN: AQ: 1C", kpi.OfficialCode);
        Assert.Equal("Air Pollution", kpi.Name);
        Assert.Equal("Environment", kpi.Dimension);
        Assert.Equal("EN-EN-AQ", kpi.CategoryCode);
        Assert.Equal("Air Quality", kpi.Category);
        Assert.Equal(["PM10", "PM2.5", "NO2", "SO2", "O3"], kpi.DataPoints);
        Assert.Equal(Direction.LowerIsBetter, kpi.Direction);
        Assert.Equal(new KpiUnitResponse(UnitKind.Concentration, "ug/m3", 0, null, false, "annual mean concentration (ug/m3) of PM10, PM2.5, NO2, SO2, O3"), kpi.Unit);
        Assert.Equal([11], kpi.Sdgs);
    }

    [Fact]
    public async Task Writes_camel_case_names_and_enums_as_camel_case_strings_and_leaves_out_catalogue_notes()
    {
        using var client = hub.CreateClient();

        var text = await client.GetStringAsync("/api/kpis/EC-ICT-ICT-4C", TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(text);
        var kpi = json.RootElement;
        Assert.Equal(
            ["code", "officialCode", "name", "dimension", "subDimension", "categoryCode", "category", "unit", "dataPoints", "type", "direction", "sdgs"],
            kpi.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["kind", "symbol", "minimum", "maximum", "wholeNumbersOnly", "description"],
            kpi.GetProperty("unit").EnumerateObject().Select(p => p.Name));
        Assert.Equal("percentage", kpi.GetProperty("unit").GetProperty("kind").GetString());
        Assert.Equal(100, kpi.GetProperty("unit").GetProperty("maximum").GetDouble());
        Assert.Equal("core", kpi.GetProperty("type").GetString());
        Assert.Equal("higherIsBetter", kpi.GetProperty("direction").GetString());
        Assert.Equal("Economy", kpi.GetProperty("dimension").GetString());
        Assert.Equal("ICT", kpi.GetProperty("subDimension").GetString());
    }

    [Fact]
    public async Task Finds_a_code_written_in_lower_case_and_answers_with_the_canonical_code()
    {
        var kpi = await hub.GetOkAsync<KpiResponse>("/api/kpis/ec-ict-ict-1c");

        Assert.Equal("EC-ICT-ICT-1C", kpi.Code);
    }

    [Fact]
    public async Task Answers_404_problem_details_naming_an_unknown_code()
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/api/kpis/EC-ICT-ICT-9C", TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("EC-ICT-ICT-9C", problem.GetProperty("code").GetString());
        Assert.Contains("'EC-ICT-ICT-9C'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
