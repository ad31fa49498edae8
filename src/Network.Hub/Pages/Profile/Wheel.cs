using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;

namespace Network.Hub.Pages.Profile;

/// <summary>
/// The U4SSC wheel as SVG geometry, as on a U4SSC City Snapshot: an inner ring of the three dimensions and an outer ring
/// of their categories, each category's segment as wide as its share of the catalogue's categories. A category the
/// target set scores is coloured by its band; one it does not score, by the city's mean network percentile over the
/// category's reported KPIs; one the city reported nothing of stays grey. The numbers come from the engine's score
/// card (<see cref="ScoreCard.Categories"/>): nothing here scores anything.
/// </summary>
public static class Wheel
{
    /// <summary>The quartiles the percentile colours stand for, in words, lowest first.</summary>
    public static readonly IReadOnlyList<string> PercentileWords =
        ["network percentile below 25", "network percentile 25 to 49", "network percentile 50 to 74", "network percentile 75 or more"];

    private const double Centre = 150;
    private const double Inner = 30;
    private const double Middle = 90;
    private const double Outer = 145;

    /// <summary>The wheel's segments for <paramref name="card"/> (no card: every category unreported).</summary>
    public static IReadOnlyList<WheelSegment> Segments(KpiCatalogue catalogue, ScoreCard? card)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var categories = catalogue.Dimensions.SelectMany(d => d.SubDimensions.SelectMany(s => s.Categories).Select(c => (Dimension: d, Category: c))).ToList();
        var step = 360.0 / categories.Count;
        var segments = new List<WheelSegment>();
        var start = 0.0;
        foreach (var dimension in catalogue.Dimensions)
        {
            var mine = categories.Where(c => c.Dimension == dimension).ToList();
            var dimensionStart = start;
            foreach (var (_, category) in mine)
            {
                var rollUp = card?.Categories.FirstOrDefault(r => r.Code == category.Code);
                var (css, words) = Colour(rollUp);
                segments.Add(new WheelSegment(category.Code, category.Name, dimension.Name, Arc(start, start + step, Middle, Outer), css, words,
                    rollUp?.Percentage, rollUp?.MeanPercentile, null));
                start += step;
            }

            var dimensionRollUp = card?.Dimensions.FirstOrDefault(r => r.Name == dimension.Name);
            var middle = (dimensionStart + start) / 2;
            var radius = (Inner + Middle) / 2;
            segments.Add(new WheelSegment(
                dimension.Dimension.ToString(), dimension.Name, dimension.Name, Arc(dimensionStart, start, Inner, Middle), "dimension", Colour(dimensionRollUp).Words,
                dimensionRollUp?.Percentage, dimensionRollUp?.MeanPercentile, new WheelLabel(X(middle, radius), Y(middle, radius), Abbreviation(dimension.Dimension))));
        }

        return segments;
    }

    /// <summary>A roll-up's colour class and its meaning in words: band when scored, percentile quartile otherwise, grey when unreported.</summary>
    public static (string CssClass, string Words) Colour(RollUp? rollUp)
    {
        if (rollUp?.Band is { } band && rollUp.Percentage is { } percentage)
        {
            return ($"band-{(int)band}", $"band {(int)band}, {Bands.LabelOf(band)} ({Number(percentage)} % of target points over {rollUp.ScoredCount} scored KPIs)");
        }

        if (rollUp?.MeanPercentile is { } percentile)
        {
            var quartile = Math.Clamp((int)(percentile / 25) + 1, 1, 4);
            return ($"pct-{quartile}", $"no target; network percentile {Number(percentile)} (mean over {rollUp.PercentileCount} KPIs)");
        }

        return rollUp is { Kpis.Count: > 0 }
            ? ("band-none", "reported, but neither scored nor ranked")
            : ("band-none", "not reported");
    }

    private static string Number(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    // The inner ring is narrow: the dimensions' short names fit it, the full names are in the title and the table.
    private static string Abbreviation(Dimension dimension) => dimension switch
    {
        Dimension.Economy => "Economy",
        Dimension.Environment => "Environment",
        _ => "Society",
    };

    // An annular sector from angle a to b (degrees clockwise from the top) between radii r and R.
    private static string Arc(double a, double b, double r, double outer)
    {
        var large = b - a > 180 ? 1 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"M {X(a, outer):F2} {Y(a, outer):F2} A {outer} {outer} 0 {large} 1 {X(b, outer):F2} {Y(b, outer):F2} L {X(b, r):F2} {Y(b, r):F2} A {r} {r} 0 {large} 0 {X(a, r):F2} {Y(a, r):F2} Z");
    }

    private static double X(double degrees, double radius) => Centre + (radius * Math.Sin(degrees * Math.PI / 180));

    private static double Y(double degrees, double radius) => Centre - (radius * Math.Cos(degrees * Math.PI / 180));
}

/// <summary>One segment of the wheel.</summary>
/// <param name="Code">The category code, or the dimension for the inner ring.</param>
/// <param name="Name">Its name.</param>
/// <param name="DimensionName">The dimension it belongs to (its own name for the inner ring).</param>
/// <param name="Path">The SVG path data.</param>
/// <param name="CssClass">The class that colours it (<c>band-1</c> … <c>band-4</c>, <c>pct-1</c> … <c>pct-4</c>, <c>band-none</c>, <c>dimension</c>).</param>
/// <param name="Words">What the colour means, in words, with the numbers.</param>
/// <param name="Percentage">The city's score as a percentage of the maximum points; null when unscored.</param>
/// <param name="MeanPercentile">The mean network percentile of its reported KPIs; null when none has one.</param>
/// <param name="Label">Where to write the segment's name (the inner ring only).</param>
public sealed record WheelSegment(
    string Code, string Name, string DimensionName, string Path, string CssClass, string Words, double? Percentage, double? MeanPercentile, WheelLabel? Label)
{
    /// <summary>Whether this is a dimension of the inner ring.</summary>
    public bool IsDimension => Label is not null;
}

/// <summary>A text label inside the wheel.</summary>
/// <param name="X">The x coordinate of its centre.</param>
/// <param name="Y">The y coordinate of its centre.</param>
/// <param name="Text">The text.</param>
public sealed record WheelLabel(double X, double Y, string Text)
{
    /// <summary>
    /// The SVG <c>text</c> element. Written as markup because Razor reserves the <c>&lt;text&gt;</c> tag for itself; the
    /// text is encoded.
    /// </summary>
    public MarkupString Markup => new(string.Create(CultureInfo.InvariantCulture,
        $"<text x=\"{X:F1}\" y=\"{Y:F1}\" class=\"wheel-label\">{WebUtility.HtmlEncode(Text)}</text>"));
}
