namespace Network.Benchmarking.Matching;

/// <summary>
/// The two knobs of complementary matching. A pair of cities is compared only when both reported at least
/// <see cref="MinimumOverlap"/> of the same KPIs, and a KPI counts for teaching or learning only when the two
/// cities' standings on it are more than <see cref="MinimumGap"/> percentile points apart: a few points is noise, not
/// something one city can show the other.
/// </summary>
/// <param name="MinimumOverlap">KPIs both cities must have a standing on; at least 1. Default 5.</param>
/// <param name="MinimumGap">Percentile points a gap must exceed to count, 0 to below 100. Default 10.</param>
public sealed record MatchRules(int MinimumOverlap = 5, double MinimumGap = 10)
{
    /// <summary>The defaults: an overlap of 5 KPIs, gaps of more than 10 percentile points.</summary>
    public static MatchRules Default { get; } = new();

    internal MatchRules Checked()
    {
        if (MinimumOverlap < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumOverlap), MinimumOverlap, "At least one shared KPI is needed to compare two cities.");
        }

        if (!(MinimumGap >= 0 && MinimumGap < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumGap), MinimumGap, "A gap is in percentile points: 0 to below 100.");
        }

        return this;
    }
}
