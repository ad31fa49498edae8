using System.Net;
using Network.Contracts.Catalogue;
using Network.Hub.Catalogue;

namespace Network.Hub.Tests.Catalogue;

public sealed class KpiListTests(HubApplication hub)
{
    [Fact]
    public async Task Lists_all_91_kpis_in_catalogue_order_with_the_catalogue_version()
    {
        var list = await hub.GetOkAsync<KpiListResponse>("/api/kpis");

        Assert.Equal("u4ssc-2017.1", list.CatalogueVersion);
        Assert.Equal(91, list.Count);
        Assert.Equal(KpiCatalogue.Default.All.Select(k => k.Code), list.Kpis.Select(k => k.Code));
    }

    [Theory]
    [InlineData("Economy", "Economy", 45)]
    [InlineData("environment", "Environment", 17)]
    [InlineData("Society and Culture", "Society and Culture", 29)]
    [InlineData("SocietyAndCulture", "Society and Culture", 29)]
    [InlineData("EC", "Economy", 45)]
    [InlineData("en", "Environment", 17)]
    [InlineData("SC", "Society and Culture", 29)]
    public async Task Filters_by_dimension_written_as_name_enum_name_or_code(string dimension, string expectedName, int expectedCount)
    {
        var list = await hub.GetOkAsync<KpiListResponse>($"/api/kpis?dimension={Uri.EscapeDataString(dimension)}");

        Assert.Equal(expectedCount, list.Count);
        Assert.Equal(expectedCount, list.Kpis.Count);
        Assert.All(list.Kpis, k => Assert.Equal(expectedName, k.Dimension));
    }

    [Fact]
    public async Task Filters_by_category_name_across_every_node_of_that_name()
    {
        var list = await hub.GetOkAsync<KpiListResponse>("/api/kpis?category=Water%20and%20Sanitation");

        Assert.Equal(11, list.Count);
        Assert.All(list.Kpis, k => Assert.Equal("Water and Sanitation", k.Category));
        Assert.Equal(["EC-I-WS", "EC-ICT-WS", "EN-EN-WS"], list.Kpis.Select(k => k.CategoryCode).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("EC-ICT-WS")]
    [InlineData("ec-ict-ws")]
    public async Task Filters_by_category_code_to_that_one_node(string category)
    {
        var list = await hub.GetOkAsync<KpiListResponse>($"/api/kpis?category={category}");

        Assert.Equal(2, list.Count);
        Assert.All(list.Kpis, k => Assert.Equal("EC-ICT-WS", k.CategoryCode));
    }

    [Theory]
    [InlineData("core", KpiType.Core, 55)]
    [InlineData("advanced", KpiType.Advanced, 36)]
    [InlineData("Core", KpiType.Core, 55)]
    public async Task Filters_by_type(string type, KpiType expectedType, int expectedCount)
    {
        var list = await hub.GetOkAsync<KpiListResponse>($"/api/kpis?type={type}");

        Assert.Equal(expectedCount, list.Count);
        Assert.All(list.Kpis, k => Assert.Equal(expectedType, k.Type));
    }

    [Theory]
    [InlineData("dimension=Economy&category=Water%20and%20Sanitation", 7)]
    [InlineData("dimension=Economy&category=Water%20and%20Sanitation&type=core", 6)]
    [InlineData("dimension=EN&type=core", 12)]
    [InlineData("dimension=Society%20and%20Culture&type=advanced", 10)]
    public async Task Combines_filters_so_that_a_kpi_must_match_all_of_them(string query, int expectedCount)
    {
        var list = await hub.GetOkAsync<KpiListResponse>($"/api/kpis?{query}");

        Assert.Equal(expectedCount, list.Count);
    }

    [Fact]
    public async Task Answers_an_empty_list_when_valid_filters_exclude_each_other()
    {
        var list = await hub.GetOkAsync<KpiListResponse>("/api/kpis?dimension=Environment&category=EC-ICT-WS");

        Assert.Equal(0, list.Count);
        Assert.Empty(list.Kpis);
    }

    [Fact]
    public async Task Treats_an_empty_filter_as_no_filter()
    {
        var list = await hub.GetOkAsync<KpiListResponse>("/api/kpis?dimension=&category=&type=");

        Assert.Equal(91, list.Count);
    }

    [Theory]
    [InlineData("dimension", "Economics", "Society and Culture")]
    [InlineData("category", "Parks", "Water and Sanitation")]
    [InlineData("category", "EC-ICT-XX", "EC-ICT-WS")]
    [InlineData("type", "basic", "advanced")]
    public async Task Rejects_an_unknown_filter_value_naming_the_parameter_and_what_it_accepts(string parameter, string value, string anAcceptedValue)
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync($"/api/kpis?{parameter}={Uri.EscapeDataString(value)}", TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        var message = Assert.Single(errors.GetProperty(parameter).EnumerateArray()).GetString()!;
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
        Assert.Contains(anAcceptedValue, message, StringComparison.Ordinal);
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_every_unknown_filter_value_at_once()
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/api/kpis?dimension=Economics&category=Economy&type=basic", TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["category", "dimension", "type"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
