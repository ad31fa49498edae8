namespace Network.Benchmarking.Scoring;

/// <summary>The U4SSC banding rule: percent of target (or of the maximum points) to band and points.</summary>
public static class Bands
{
    /// <summary>The most points one KPI can earn.</summary>
    public const int MaxPoints = 4;

    /// <summary>
    /// The band of a percentage. Each band includes its lower bound: 33 is in 33–66 %, 66 in 66–95 %, 95 in 95 %+.
    /// The percentage is rounded to 9 decimals first, so that 95 computed as 94.99999999999999 is still 95.
    /// </summary>
    /// <param name="percent">Percent of target, or of the maximum points; 0 or more (above 100 counts as 95 %+).</param>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is negative or not a number.</exception>
    public static Band Of(double percent)
    {
        if (double.IsNaN(percent) || percent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage of target is 0 or more.");
        }

        return Math.Round(percent, 9) switch
        {
            >= 95 => Band.AtLeast95,
            >= 66 => Band.From66To95,
            >= 33 => Band.From33To66,
            _ => Band.LessThan33,
        };
    }

    /// <summary>The points a band gives: 1 to 4.</summary>
    public static int PointsOf(Band band) => (int)band;

    /// <summary>The band's label as U4SSC prints it, e.g. <c>66–95% of Target</c>.</summary>
    public static string LabelOf(Band band) => band switch
    {
        Band.LessThan33 => "Less than 33% of Target",
        Band.From33To66 => "33–66% of Target",
        Band.From66To95 => "66–95% of Target",
        Band.AtLeast95 => "95%+ Target",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Not a U4SSC band."),
    };
}
