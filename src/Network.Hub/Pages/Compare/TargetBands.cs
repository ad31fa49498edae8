using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;

namespace Network.Hub.Pages.Compare;

/// <summary>
/// The values at which a target's U4SSC bands begin and end, found by asking the engine itself
/// (<see cref="Target.PercentReached"/>, then <see cref="Bands.Of(double)"/>) along the value axis and narrowing each
/// change of band down by bisection. No second copy of the banding rule: whatever the direction (higher or lower is
/// better, a target band), the regions are where the engine's scores change.
/// </summary>
public static class TargetBands
{
    // Every threshold of every direction lies at or below target / 0.33 (lower-is-better and target-band KPIs reach
    // their lowest band there), so four times the target holds them all.
    private const double ReachInTargets = 4;
    private const int Samples = 400;
    private const int Bisections = 48;

    /// <summary>The band regions of <paramref name="target"/> from 0 to four times the target, in value order.</summary>
    public static IReadOnlyList<BandRegion> Of(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var end = target.Value * ReachInTargets;
        var regions = new List<BandRegion>();
        var from = 0.0;
        var band = BandAt(target, 0);
        var previous = 0.0;
        for (var i = 1; i <= Samples; i++)
        {
            var x = end * i / Samples;
            var here = BandAt(target, x);
            if (here != band)
            {
                var boundary = Boundary(target, previous, x, band);
                regions.Add(new BandRegion(band, from, boundary));
                from = boundary;
                band = here;
            }

            previous = x;
        }

        regions.Add(new BandRegion(band, from, null));
        return regions;
    }

    private static Band BandAt(Target target, double value) => Bands.Of(target.PercentReached(value));

    // The first value after `low` whose band is not `band`, to within floating-point precision.
    private static double Boundary(Target target, double low, double high, Band band)
    {
        for (var i = 0; i < Bisections; i++)
        {
            var middle = (low + high) / 2;
            if (BandAt(target, middle) == band)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }
}

/// <summary>A stretch of values that scores one band.</summary>
/// <param name="Band">The band.</param>
/// <param name="From">The lowest value of the stretch.</param>
/// <param name="To">Where the next band begins; <see langword="null"/> when the band goes on (beyond four times the target).</param>
public sealed record BandRegion(Band Band, double From, double? To)
{
    /// <summary>The band as U4SSC prints it, e.g. <c>66–95% of Target</c>.</summary>
    public string Label => Bands.LabelOf(Band);

    /// <summary>The band's label without "of Target", short enough for a chart, e.g. <c>66–95%</c>.</summary>
    public string ShortLabel => Label.Replace(" of Target", "", StringComparison.Ordinal).Replace(" Target", "", StringComparison.Ordinal);
}
