using System.Globalization;
using Network.Benchmarking.Matching;

namespace Network.Hub.Pages.Partners;

/// <summary>
/// The small chart of a match: two stacked bars, what the partner can teach the city and what it can learn from it,
/// each made of its KPIs' contributions laid end to end, so a bar's length is its total. The same numbers are in the
/// explanation table beside it; the chart only draws them.
/// </summary>
public static class ContributionBar
{
    /// <summary>The width of the longer bar, in the SVG's units.</summary>
    public const double BarWidth = 420;

    /// <summary>Where the bars start (the label column is to their left).</summary>
    public const double BarLeft = 250;

    /// <summary>The width of the whole chart: labels, the longer bar and its total.</summary>
    public const double ChartWidth = BarLeft + BarWidth + 70;

    /// <summary>The two bars of <paramref name="match"/>: teaching first, then learning.</summary>
    public static IReadOnlyList<ContributionBarRow> Rows(ComplementaryMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var longest = Math.Max(match.Teaches, match.Learns);
        var scale = longest > 0 ? BarWidth / longest : 0;
        return
        [
            Row(match, LearningDirection.PartnerTeaches, match.Teaches, scale, 0),
            Row(match, LearningDirection.PartnerLearns, match.Learns, scale, 1),
        ];
    }

    private static ContributionBarRow Row(ComplementaryMatch match, LearningDirection direction, double total, double scale, int index)
    {
        var segments = new List<ContributionBarSegment>();
        var x = BarLeft;
        var parts = match.Contributions.Where(c => c.Direction == direction).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var width = parts[i].Contribution * scale;
            segments.Add(new ContributionBarSegment(x, width, $"{parts[i].Kpi.Name}: {PartnersFormat.Number(parts[i].Contribution)}",
                $"{(direction == LearningDirection.PartnerTeaches ? "teach" : "learn")}-{i % 2}"));
            x += width;
        }

        return new ContributionBarRow(direction, 10 + (index * 34), total, x, segments);
    }
}

/// <summary>One bar of a <see cref="ContributionBar"/>.</summary>
/// <param name="Direction">Which way it counts.</param>
/// <param name="Y">Its top.</param>
/// <param name="Total">Its total, the sum of its segments.</param>
/// <param name="End">Where it ends (for the total written after it).</param>
/// <param name="Segments">A segment per contributing KPI, in catalogue order.</param>
public sealed record ContributionBarRow(LearningDirection Direction, double Y, double Total, double End, IReadOnlyList<ContributionBarSegment> Segments);

/// <summary>One KPI's segment of a bar.</summary>
/// <param name="X">Its left edge.</param>
/// <param name="Width">Its width (its contribution, scaled).</param>
/// <param name="Title">The KPI and its contribution, as the segment's tooltip.</param>
/// <param name="CssClass">Its fill: alternating shades, so neighbours stay apart.</param>
public sealed record ContributionBarSegment(double X, double Width, string Title, string CssClass)
{
    /// <summary>The left edge, as an SVG attribute.</summary>
    public string XText => X.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The width, as an SVG attribute.</summary>
    public string WidthText => Width.ToString("0.##", CultureInfo.InvariantCulture);
}
