using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Network.Hub.Tests.GraphQL;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.Exports;

public sealed class ComparisonExportTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private static readonly string Query = $"cities={Trondheim},{Fjordvik},{Nettby},{Bergen}&kpis={Internet},{Unemployment},{Ghg}&period=2020";

    [Fact]
    public async Task Csv_has_a_row_per_kpi_and_for_each_city_value_percent_of_target_band_rank_and_quality()
    {
        using var client = network.Hub.CreateClient();

        var csv = await CsvTable.GetAsync(client, $"/api/compare.csv?{Query}");

        Assert.Equal(
            ["kpi", "name", "dataPoint", "unit", "direction", "networkMedian", "reportingCities",
             $"{Trondheim} value", $"{Trondheim} % of target", $"{Trondheim} band", $"{Trondheim} rank", $"{Trondheim} quality", $"{Trondheim} verified"],
            csv.Header.Take(13));
        Assert.Equal(7 + 4 * 6, csv.Header.Count);
        Assert.Equal([Internet, Unemployment, Ghg], csv.Rows.Select(r => r[0]));

        var internet = csv.Row(Internet);
        Assert.Equal("Household Internet Access", csv.Field(internet, "name"));
        Assert.Equal("%", csv.Field(internet, "unit"));
        Assert.Equal("higher is better", csv.Field(internet, "direction"));
        Assert.Equal(96.5, Number(csv.Field(internet, "networkMedian")));
        Assert.Equal("4", csv.Field(internet, "reportingCities"));
        Assert.Equal([98, 85.19, 100, 95], new[] { Trondheim, Fjordvik, Nettby, Bergen }.Select(c => Number(csv.Field(internet, $"{c} value"))));
        Assert.Equal([98, 85.19, 100, 95], new[] { Trondheim, Fjordvik, Nettby, Bergen }.Select(c => Number(csv.Field(internet, $"{c} % of target"))));
        Assert.Equal(["95%+ Target", "66–95% of Target"], new[] { Trondheim, Fjordvik }.Select(c => csv.Field(internet, $"{c} band")));
        Assert.Equal(["2", "4", "1", "3"], new[] { Trondheim, Fjordvik, Nettby, Bergen }.Select(c => csv.Field(internet, $"{c} rank")));
        Assert.Equal("measured", csv.Field(internet, $"{Trondheim} quality"));

        var unemployment = csv.Row(Unemployment);
        Assert.Equal("lower is better", csv.Field(unemployment, "direction"));
        Assert.Equal(2.45, Number(csv.Field(unemployment, "networkMedian")));
        Assert.Equal("", csv.Field(unemployment, $"{Trondheim} % of target")); // no target in the default set
        Assert.Equal("", csv.Field(unemployment, $"{Trondheim} band"));
        Assert.Equal("1", csv.Field(unemployment, $"{Trondheim} rank"));
    }

    [Fact]
    public async Task Csv_leaves_a_value_not_reported_empty_never_zero()
    {
        using var client = network.Hub.CreateClient();

        var csv = await CsvTable.GetAsync(client, $"/api/compare.csv?cities={Trondheim},{Nettby},{Bergen}&kpis={Ghg},{Wireless}&period=2020");

        var ghg = csv.Row(Ghg);
        Assert.Equal(2.46, Number(csv.Field(ghg, $"{Trondheim} value")));
        foreach (var column in new[] { "value", "% of target", "band", "rank", "quality", "verified" })
        {
            Assert.Equal("", csv.Field(ghg, $"{Nettby} {column}"));
        }

        // A KPI with data points is a row per data point; Bergen reported 4G only.
        Assert.Equal(99.9, Number(csv.Field(csv.Row(Wireless, "3G"), $"{Trondheim} value")));
        Assert.Equal("", csv.Field(csv.Row(Wireless, "3G"), $"{Bergen} value"));
        Assert.Equal(98, Number(csv.Field(csv.Row(Wireless, "4G"), $"{Bergen} value")));
    }

    [Fact]
    public async Task Csv_without_kpis_has_every_kpi_the_cities_reported()
    {
        using var client = network.Hub.CreateClient();

        var csv = await CsvTable.GetAsync(client, $"/api/compare.csv?cities={Fjordvik},{Nettby}&period=2020");

        Assert.Equal(new[] { Internet, Unemployment, Ghg }.Order(StringComparer.Ordinal), csv.Rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal("", csv.Field(csv.Row(Ghg), $"{Nettby} value"));
    }

    [Fact]
    public async Task Xlsx_has_the_same_table_with_numbers_as_numbers_a_frozen_header_and_an_about_sheet()
    {
        using var client = network.Hub.CreateClient();

        using var response = await client.GetAsync($"/api/compare.xlsx?{Query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"comparison-2020-{Trondheim}-{Fjordvik}-{Nettby}-{Bergen}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Comparison", "About"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));

        var comparison = SheetOf(workbook, "Comparison");
        var pane = comparison.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        var cells = comparison.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("kpi", Text(cells["A1"]));
        Assert.Equal($"{Trondheim} value", Text(cells["H1"]));
        Assert.Equal(Internet, Text(cells["A2"]));
        Assert.Equal(CellValues.Number, cells["F2"].DataType!.Value); // network median
        Assert.Equal(96.5, double.Parse(cells["F2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(CellValues.Number, cells["H2"].DataType!.Value);
        Assert.Equal(98, double.Parse(cells["H2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("95%+ Target", Text(cells["J2"]));
        Assert.Equal(2, int.Parse(cells["K2"].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(Ghg, Text(cells["A4"]));
        // Nettby is the third city: columns T..Y; it did not report GHG, so the cells are empty.
        Assert.Equal($"{Nettby} value", Text(cells["T1"]));
        foreach (var column in "TUVWXY")
        {
            Assert.Null(cells[$"{column}4"].CellValue);
            Assert.Null(cells[$"{column}4"].InlineString);
        }

        var about = SheetOf(workbook, "About").Descendants<Row>()
            .ToDictionary(r => Text(r.Elements<Cell>().First())!, r => Text(r.Elements<Cell>().ElementAt(1)));
        Assert.Equal("2020", about["Period"]);
        Assert.StartsWith("current values", about["As of"], StringComparison.Ordinal);
        Assert.StartsWith("definition-implied version 1", about["Target set"], StringComparison.Ordinal);
        Assert.Contains("implied by the KPI definition", about["Target sources"], StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(about["Generated"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var generated));
        Assert.True(DateTimeOffset.UtcNow - generated < TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("cities=XX-0000&period=2020", "cities", "UnknownCity")]
    [InlineData("period=2020", "cities", "NoCities")]
    [InlineData("cities=NO-5001&kpis=NOT-A-KPI&period=2020", "kpis", "UnknownKpi")]
    [InlineData("cities=NO-5001", "period", null)]
    [InlineData("cities=NO-5001&period=twenty", "period", null)]
    [InlineData("cities=NO-5001&period=2020&asOf=yesterday", "asOf", null)]
    [InlineData("cities=NO-5001&period=2020&targetSet=no-such-set", "targetSet", "UnknownTargetSet")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string query, string parameter, string? reason)
    {
        using var client = network.Hub.CreateClient();

        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var response = await client.GetAsync($"/api/compare.{format}?{query}", TestContext.Current.CancellationToken);

            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
            Assert.NotEmpty(messages.Items());
            if (reason is not null)
            {
                Assert.Contains(reason, problem.GetProperty("reasons").Items().Select(r => r.GetString()));
            }
        }
    }

    private static double? Number(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);

    private static Worksheet SheetOf(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    private static string? Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;
}
