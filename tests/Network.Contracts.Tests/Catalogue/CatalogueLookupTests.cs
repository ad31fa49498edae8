using Network.Contracts.Catalogue;

namespace Network.Contracts.Tests.Catalogue;

public sealed class CatalogueLookupTests
{
    private static readonly KpiCatalogue Catalogue = KpiCatalogue.Default;

    [Fact]
    public void Finds_a_KPI_by_its_code()
    {
        Assert.True(Catalogue.TryGet("EC-ICT-ICT-1C", out var kpi));
        Assert.Equal("Household Internet Access", kpi.Name);
        Assert.Same(kpi, Catalogue["EC-ICT-ICT-1C"]);
    }

    [Theory]
    [InlineData("EC-ICT-ICT-99C")]
    [InlineData("ec-ict-ict-1c")]
    [InlineData("EC: ICT: ICT: 1C")]
    [InlineData(" EC-ICT-ICT-1C")]
    [InlineData("")]
    public void Does_not_find_a_code_it_does_not_have(string code)
    {
        Assert.False(Catalogue.TryGet(code, out var kpi));
        Assert.Null(kpi);
        var thrown = Assert.Throws<KeyNotFoundException>(() => Catalogue[code]);
        Assert.Contains($"'{code}'", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Dimension.Economy, 45, "EC-")]
    [InlineData(Dimension.Environment, 17, "EN-")]
    [InlineData(Dimension.SocietyAndCulture, 29, "SC-")]
    public void Lists_the_KPIs_of_a_dimension(Dimension dimension, int count, string prefix)
    {
        var kpis = Catalogue.InDimension(dimension).ToArray();

        Assert.Equal(count, kpis.Length);
        Assert.All(kpis, k => Assert.StartsWith(prefix, k.Code, StringComparison.Ordinal));
        Assert.Equal(Catalogue.All.Where(k => k.Dimension == dimension), kpis);
    }

    [Theory]
    [InlineData("EC-ICT-WS", 2)]
    [InlineData("ec-ict-ws", 2)]
    [InlineData("EC-I-WS", 5)]
    [InlineData("EN-EN-WS", 4)]
    public void Lists_the_KPIs_of_one_category_node_by_its_code(string code, int count)
    {
        var kpis = Catalogue.InCategory(code).ToArray();

        Assert.Equal(count, kpis.Length);
        Assert.All(kpis, k => Assert.Equal(code, k.CategoryCode, ignoreCase: true));
    }

    [Theory]
    [InlineData("Water and Sanitation", 11, 3)]
    [InlineData("water and sanitation", 11, 3)]
    [InlineData("Air Quality", 2, 1)]
    public void Lists_the_KPIs_of_every_category_node_with_a_name(string name, int count, int nodes)
    {
        var kpis = Catalogue.InCategory(name).ToArray();

        Assert.Equal(count, kpis.Length);
        Assert.Equal(nodes, kpis.Select(k => k.CategoryCode).Distinct().Count());
        Assert.All(kpis, k => Assert.Equal(name, k.Category, ignoreCase: true));
    }

    [Fact]
    public void Finds_no_KPIs_for_an_unknown_category() => Assert.Empty(Catalogue.InCategory("Space Travel"));

    [Theory]
    [InlineData("Society and Culture", Dimension.SocietyAndCulture)]
    [InlineData("SocietyAndCulture", Dimension.SocietyAndCulture)]
    [InlineData("SC", Dimension.SocietyAndCulture)]
    [InlineData("economy", Dimension.Economy)]
    [InlineData("EN", Dimension.Environment)]
    public void Parses_a_dimension_from_its_name_enum_name_or_code_prefix(string text, Dimension expected)
    {
        Assert.True(KpiCatalogue.TryParseDimension(text, out var dimension));
        Assert.Equal(expected, dimension);
    }

    [Fact]
    public void Does_not_parse_an_unknown_dimension() => Assert.False(KpiCatalogue.TryParseDimension("Culture", out _));
}
