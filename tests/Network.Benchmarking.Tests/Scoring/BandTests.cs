using Network.Benchmarking.Scoring;

namespace Network.Benchmarking.Tests.Scoring;

public sealed class BandTests
{
    [Theory]
    [InlineData(0, Band.LessThan33)]
    [InlineData(32.999, Band.LessThan33)]
    [InlineData(33, Band.From33To66)]
    [InlineData(65.999, Band.From33To66)]
    [InlineData(66, Band.From66To95)]
    [InlineData(94.999, Band.From66To95)]
    [InlineData(95, Band.AtLeast95)]
    [InlineData(100, Band.AtLeast95)]
    [InlineData(250, Band.AtLeast95)]
    public void Each_band_includes_its_lower_bound(double percent, Band expected) =>
        Assert.Equal(expected, Bands.Of(percent));

    [Fact]
    public void A_boundary_reached_up_to_floating_point_noise_counts_as_reached()
    {
        var ninetyFive = 0.95 * 100 - 1e-12;

        Assert.True(ninetyFive < 95);
        Assert.Equal(Band.AtLeast95, Bands.Of(ninetyFive));
        Assert.Equal(Band.From66To95, Bands.Of(95 - 1e-6));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Refuses_a_negative_or_undefined_percentage(double percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bands.Of(percent));

    [Fact]
    public void Gives_1_to_4_points_and_the_U4SSC_labels()
    {
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<Band>().Select(Bands.PointsOf));
        Assert.Equal(
            ["Less than 33% of Target", "33–66% of Target", "66–95% of Target", "95%+ Target"],
            Enum.GetValues<Band>().Select(Bands.LabelOf));
    }
}
