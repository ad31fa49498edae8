using Network.Contracts.Catalogue;

namespace Network.Contracts.Tests.Catalogue;

public sealed class KpiUnitTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(42.5, true)]
    [InlineData(100.0001, false)]
    [InlineData(-0.1, false)]
    public void A_percentage_lies_between_0_and_100(double value, bool admitted) =>
        Assert.Equal(admitted, KpiUnit.For(UnitKind.Percentage, "%").Admits(value));

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(1_000_000, true)]
    [InlineData(2.5, false)]
    [InlineData(-1, false)]
    public void A_count_is_a_non_negative_whole_number(double value, bool admitted) =>
        Assert.Equal(admitted, KpiUnit.For(UnitKind.Count, "hotspots").Admits(value));

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(2, false)]
    [InlineData(0.5, false)]
    [InlineData(-1, false)]
    public void A_yes_no_answer_is_1_or_0(double value, bool admitted) =>
        Assert.Equal(admitted, KpiUnit.For(UnitKind.YesNo, "yes/no").Admits(value));

    [Theory]
    [InlineData(UnitKind.Coefficient, 1.0001)]
    [InlineData(UnitKind.Years, 150.5)]
    [InlineData(UnitKind.RatePer100000, -0.001)]
    [InlineData(UnitKind.PerCapita, -1)]
    public void Refuses_values_outside_the_range_of_its_kind(UnitKind kind, double value) =>
        Assert.False(KpiUnit.For(kind, "x").Admits(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_numbers_that_are_not_finite(double value)
    {
        Assert.False(KpiUnit.For(UnitKind.Ratio, "ratio").Admits(value));
        Assert.False(KpiUnit.For(UnitKind.Percentage, "%").Admits(value));
    }

    [Fact]
    public void Describes_its_range_in_words()
    {
        Assert.Equal("between 0 and 100", KpiUnit.For(UnitKind.Percentage, "%").DescribeRange());
        Assert.Equal("a whole number of at least 0", KpiUnit.For(UnitKind.Count, "hotspots").DescribeRange());
        Assert.Equal("a whole number between 0 and 1", KpiUnit.For(UnitKind.YesNo, "yes/no").DescribeRange());
    }
}
