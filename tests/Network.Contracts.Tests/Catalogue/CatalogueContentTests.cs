using Network.Contracts.Catalogue;

namespace Network.Contracts.Tests.Catalogue;

public sealed class CatalogueContentTests
{
    private static readonly KpiCatalogue Catalogue = KpiCatalogue.Default;

    [Fact]
    public void Loads_all_91_U4SSC_KPIs_under_the_current_version()
    {
        Assert.Equal(91, Catalogue.All.Count);
        Assert.Equal(KpiCatalogue.CurrentVersion, Catalogue.Version);
    }

    [Fact]
    public void Gives_every_KPI_a_unique_code()
    {
        var codes = Catalogue.All.Select(k => k.Code).ToArray();

        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^(EC|EN|SC)-[A-Z]+-[A-Z]+-[0-9]+[CA]$", code));
    }

    [Fact]
    public void Has_55_core_and_36_advanced_KPIs_matching_their_codes()
    {
        Assert.Equal(55, Catalogue.All.Count(k => k.Type == KpiType.Core));
        Assert.Equal(36, Catalogue.All.Count(k => k.Type == KpiType.Advanced));
        Assert.All(Catalogue.All, k => Assert.Equal(k.Type == KpiType.Core ? 'C' : 'A', k.Code[^1]));
    }

    [Fact]
    public void Arranges_the_KPIs_in_3_dimensions_7_sub_dimensions_and_27_category_nodes()
    {
        var subDimensions = Catalogue.Dimensions.SelectMany(d => d.SubDimensions).ToArray();
        var categoryNodes = subDimensions.SelectMany(s => s.Categories).ToArray();

        Assert.Equal([Dimension.Economy, Dimension.Environment, Dimension.SocietyAndCulture], Catalogue.Dimensions.Select(d => d.Dimension));
        Assert.Equal(["Economy", "Environment", "Society and Culture"], Catalogue.Dimensions.Select(d => d.Name));
        Assert.Equal(7, subDimensions.Length);
        Assert.Equal(27, categoryNodes.Length);
        Assert.Equal(27, categoryNodes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(91, categoryNodes.Sum(c => c.Kpis.Count));
    }

    [Fact]
    public void Uses_22_distinct_category_names_some_of_them_under_several_sub_dimensions()
    {
        var categoryNodes = Catalogue.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories).ToArray();

        Assert.Equal(22, categoryNodes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, categoryNodes.Count(c => c.Name == "Water and Sanitation"));
        Assert.Equal(2, categoryNodes.Count(c => c.Name == "Transport"));
    }

    [Fact]
    public void Names_each_sub_dimension_node_by_the_first_two_segments_of_its_KPI_codes()
    {
        var economy = Catalogue.Dimensions.Single(d => d.Dimension == Dimension.Economy);

        Assert.Equal(["EC-ICT", "EC-P", "EC-I"], economy.SubDimensions.Select(s => s.Code));
        Assert.Equal(["ICT", "Productivity", "Infrastructure"], economy.SubDimensions.Select(s => s.Name));
        Assert.All(
            Catalogue.Dimensions.SelectMany(d => d.SubDimensions),
            s => Assert.All(s.Categories.SelectMany(c => c.Kpis), k => Assert.StartsWith(s.Code + "-", k.Code, StringComparison.Ordinal)));
    }

    [Fact]
    public void Gives_every_KPI_a_unit_symbol_a_unit_kind_and_a_name()
    {
        Assert.All(Catalogue.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Unit.Symbol), k.Code);
            Assert.True(Enum.IsDefined(k.Unit.Kind), k.Code);
            Assert.False(string.IsNullOrWhiteSpace(k.Name), k.Code);
            Assert.False(string.IsNullOrWhiteSpace(k.UnitDescription), k.Code);
            Assert.True(Enum.IsDefined(k.Direction), k.Code);
        });
    }

    [Fact]
    public void Links_every_KPI_to_at_least_one_SDG_between_1_and_17()
    {
        Assert.All(Catalogue.All, k =>
        {
            Assert.NotEmpty(k.Sdgs);
            Assert.All(k.Sdgs, sdg => Assert.InRange(sdg, 1, 17));
        });
        Assert.Equal([5, 9, 17], Catalogue["EC-ICT-ICT-3C"].Sdgs);
    }

    [Theory]
    [InlineData("EC-P-EM-1C", Direction.LowerIsBetter)]
    [InlineData("EC-I-WS-3C", Direction.LowerIsBetter)]
    [InlineData("EN-EN-AQ-2C", Direction.LowerIsBetter)]
    [InlineData("EC-ICT-ICT-1C", Direction.HigherIsBetter)]
    [InlineData("SC-SH-SI-1C", Direction.TargetBand)]
    [InlineData("EC-I-T-4A", Direction.None)]
    [InlineData("EN-EN-WA-1C", Direction.None)]
    public void Knows_which_way_is_better(string code, Direction expected) =>
        Assert.Equal(expected, Catalogue[code].Direction);

    [Fact]
    public void Reports_air_pollution_per_pollutant()
    {
        var airPollution = Catalogue["EN-EN-AQ-1C"];

        Assert.True(airPollution.HasDataPoints);
        Assert.Equal(["PM10", "PM2.5", "NO2", "SO2", "O3"], airPollution.DataPoints);
        Assert.Equal(UnitKind.Concentration, airPollution.Unit.Kind);
        Assert.Equal("ug/m3", airPollution.Unit.Symbol);
    }

    [Fact]
    public void Reports_most_KPIs_as_one_number()
    {
        var householdInternet = Catalogue["EC-ICT-ICT-1C"];

        Assert.False(householdInternet.HasDataPoints);
        Assert.Empty(householdInternet.DataPoints);
        Assert.Equal(6, Catalogue.All.Count(k => k.HasDataPoints));
    }

    [Theory]
    [InlineData("EC-ICT-ICT-1C", UnitKind.Percentage, "%")]
    [InlineData("EC-ICT-ICT-5C", UnitKind.Count, "hotspots")]
    [InlineData("SC-EH-H-3C", UnitKind.RatePer100000, "physicians per 100,000 inhabitants")]
    [InlineData("SC-SH-SA-3A", UnitKind.YesNo, "yes/no")]
    [InlineData("SC-SH-SI-1C", UnitKind.Ratio, "ratio")]
    public void Gives_the_unit_a_value_must_be_reported_in(string code, UnitKind kind, string symbol)
    {
        Assert.Equal(kind, Catalogue[code].Unit.Kind);
        Assert.Equal(symbol, Catalogue[code].Unit.Symbol);
    }
}
