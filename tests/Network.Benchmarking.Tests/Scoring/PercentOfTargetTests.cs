using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Tests.Scoring;

public sealed class PercentOfTargetTests
{
    private static Target TargetOf(Direction direction, double value) => new(new KpiKey("X"), direction, value, "test", null);

    [Theory]
    [InlineData(50, 100, 50)]
    [InlineData(98.56, 100, 98.56)]
    [InlineData(0, 100, 0)]
    [InlineData(30000, 40000, 75)]
    public void Higher_is_better_is_value_over_target(double value, double target, double expected) =>
        Assert.Equal(expected, TargetOf(Direction.HigherIsBetter, target).PercentReached(value), 9);

    [Theory]
    [InlineData(100, 100)]
    [InlineData(120, 100)]
    [InlineData(500, 40)]
    public void Higher_is_better_is_capped_at_100_at_or_above_the_target(double value, double target) =>
        Assert.Equal(100, TargetOf(Direction.HigherIsBetter, target).PercentReached(value));

    [Theory]
    [InlineData(8, 4, 50)]      // unemployment 8 % against a target of 4 %
    [InlineData(5, 4, 80)]
    [InlineData(40, 4, 10)]
    public void Lower_is_better_is_target_over_value(double value, double target, double expected) =>
        Assert.Equal(expected, TargetOf(Direction.LowerIsBetter, target).PercentReached(value), 9);

    [Theory]
    [InlineData(4)]
    [InlineData(1.34)]
    [InlineData(0)]
    public void Lower_is_better_is_100_at_or_below_the_target_and_at_zero(double value) =>
        Assert.Equal(100, TargetOf(Direction.LowerIsBetter, 4).PercentReached(value));

    [Theory]
    [InlineData(1.0, 100)]
    [InlineData(0.73, 73)]
    [InlineData(0.8, 80)]
    [InlineData(1.25, 80)]  // men earning 80 % of what women earn scores as women earning 80 % of what men earn
    [InlineData(2.0, 50)]
    [InlineData(0, 0)]
    public void Target_band_is_symmetric_in_ratio_around_the_target(double value, double expected) =>
        Assert.Equal(expected, TargetOf(Direction.TargetBand, 1.0).PercentReached(value), 9);

    [Fact]
    public void A_KPI_without_direction_has_no_percent_of_target() =>
        Assert.Throws<InvalidOperationException>(() => TargetOf(Direction.None, 1).PercentReached(1));
}
