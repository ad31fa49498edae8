using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Hub.Pages.Compare;

namespace Network.Hub.Tests.Pages.Compare;

/// <summary>The band regions the charts shade, found from the engine's own scoring for each direction.</summary>
public sealed class TargetBandsTests
{
    [Fact]
    public void Higher_is_better_bands_begin_at_33_66_and_95_percent_of_the_target()
    {
        var regions = TargetBands.Of(new Target(new KpiKey("EC-ICT-ICT-1C"), Direction.HigherIsBetter, 200, "test", null));

        Assert.Equal([Band.LessThan33, Band.From33To66, Band.From66To95, Band.AtLeast95], regions.Select(r => r.Band));
        Assert.Equal([0, 66, 132, 190], regions.Select(r => Math.Round(r.From, 6)));
        Assert.Null(regions[^1].To);
    }

    [Fact]
    public void Lower_is_better_bands_run_from_the_best_at_zero_to_the_worst_beyond_the_target_over_0_33()
    {
        var regions = TargetBands.Of(new Target(new KpiKey("EN-EN-AQ-2C"), Direction.LowerIsBetter, 10, "test", null));

        Assert.Equal([Band.AtLeast95, Band.From66To95, Band.From33To66, Band.LessThan33], regions.Select(r => r.Band));
        Assert.Equal([0, 10 / 0.95, 10 / 0.66, 10 / 0.33], regions.Select(r => r.From), new Tolerance(1e-6));
    }

    [Fact]
    public void A_target_band_rises_to_its_best_around_the_target_and_falls_again()
    {
        var regions = TargetBands.Of(new Target(new KpiKey("SC-SH-SI-3C"), Direction.TargetBand, 1, "test", null));

        Assert.Equal(
            [Band.LessThan33, Band.From33To66, Band.From66To95, Band.AtLeast95, Band.From66To95, Band.From33To66, Band.LessThan33],
            regions.Select(r => r.Band));
        Assert.Equal([0, 0.33, 0.66, 0.95, 1 / 0.95, 1 / 0.66, 1 / 0.33], regions.Select(r => r.From), new Tolerance(1e-6));
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
