using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Tests.Targets;

public sealed class DefaultTargetSetTests
{
    private static readonly TargetSet Default = TargetSet.Default;
    private static readonly KpiCatalogue Catalogue = KpiCatalogue.Default;

    [Fact]
    public void Holds_only_percentage_KPIs_at_100_percent()
    {
        Assert.NotEmpty(Default.Targets);
        Assert.All(Default.Targets, t =>
        {
            Assert.Equal(UnitKind.Percentage, Catalogue[t.Key.Kpi].Unit.Kind);
            Assert.Equal(Direction.HigherIsBetter, t.Direction);
            Assert.Equal(100, t.Value);
        });
    }

    [Fact]
    public void Says_of_every_target_that_the_KPI_definition_implies_it()
    {
        Assert.Equal("implied by the KPI definition (U4SSC publishes no per-KPI targets)", TargetSet.DefinitionImpliedSource);
        Assert.All(Default.Targets, t =>
        {
            Assert.Equal(TargetSet.DefinitionImpliedSource, t.Source);
            Assert.False(string.IsNullOrWhiteSpace(t.Note));   // the reason, per KPI
        });
    }

    [Theory]
    [InlineData("EC-ICT-ICT-1C")]   // household internet access
    [InlineData("EC-I-ES-3C")]      // access to electricity
    [InlineData("EC-I-WS-1C")]      // basic water supply
    [InlineData("SC-EH-ED-2C")]     // school enrollment
    [InlineData("SC-EH-H-5A")]      // health coverage
    public void Covers_the_coverage_percentages_whose_definition_makes_full_coverage_the_ideal(string kpi) =>
        Assert.NotNull(Default.Find(new KpiKey(kpi)));

    [Theory]
    [InlineData("EC-P-EM-1C")]      // unemployment: lower is better, no implied number
    [InlineData("EN-EN-AQ-2C")]     // GHG emissions
    [InlineData("EC-P-IN-2C")]      // patents
    [InlineData("EC-I-WS-3C")]      // water supply loss
    [InlineData("EC-P-IN-1C")]      // R&D expenditure: a share of GDP, not coverage
    [InlineData("EN-E-E-1C")]       // renewable energy: an energy mix
    [InlineData("SC-SH-SI-4C")]     // voter participation: a choice, not a service
    [InlineData("SC-SH-SI-5A")]     // child care 0–3: not every family wants day care
    [InlineData("SC-SH-SI-1C")]     // gender income equity: not a percentage
    [InlineData("EC-I-T-5A")]       // travel time index
    public void Leaves_out_KPIs_whose_definition_implies_no_number(string kpi) =>
        Assert.Null(Default.Find(new KpiKey(kpi)));

    [Fact]
    public void Never_targets_a_KPI_without_direction_or_with_lower_is_better()
    {
        Assert.DoesNotContain(Default.Targets, t => Catalogue[t.Key.Kpi].Direction is Direction.None or Direction.LowerIsBetter);
    }

    [Fact]
    public void Targets_wireless_coverage_for_4G_only()
    {
        Assert.NotNull(Default.Find(new KpiKey("EC-ICT-ICT-4C", "4G")));
        Assert.Null(Default.Find(new KpiKey("EC-ICT-ICT-4C", "3G")));
        Assert.Equal(["EC-ICT-ICT-4C (4G)"], Default.Targets.Where(t => t.Key.DataPoint is not null).Select(t => t.Key.ToString()));
    }

    [Fact]
    public void Is_version_1_of_definition_implied_for_the_current_catalogue()
    {
        Assert.Equal(("definition-implied", "1", KpiCatalogue.CurrentVersion), (Default.Name, Default.Version, Default.CatalogueVersion));
        Assert.Equal(26, Default.Targets.Count);
        Assert.Equal(Default.Targets.Count, Default.Targets.Select(t => t.Key.Kpi).Distinct().Count());
    }
}
