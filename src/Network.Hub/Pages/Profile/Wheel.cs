using System.Globalization;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;

namespace Network.Hub.Pages.Profile;

/// <summary>
/// The U4SSC wheel as SVG geometry: an inner ring of the three dimensions and an outer ring of their categories, each
/// category's segment as wide as its share of the catalogue's categories and classed by the band of the city's score.
/// </summary>
public static class Wheel
{
    private const double Centre = 150;
    private const double Inner = 45;
    private const double Middle = 80;
    private const double Outer = 145;

    /// <summary>The wheel's segments for <paramref name="card"/> (no card: every category unscored).</summary>
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
                segments.Add(new WheelSegment(category.Code, category.Name, Arc(start, start + step, Middle, Outer),
                    rollUp?.Band is { } band ? $"band-{(int)band}" : "band-none", rollUp?.Percentage));
                start += step;
            }

            segments.Add(new WheelSegment(dimension.Dimension.ToString(), dimension.Name, Arc(dimensionStart, start, Inner, Middle), "dimension",
                card?.Dimensions.FirstOrDefault(r => r.Name == dimension.Name)?.Percentage));
        }

        return segments;
    }

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
/// <param name="Path">The SVG path data.</param>
/// <param name="CssClass">The class that colours it by band (<c>band-1</c> … <c>band-4</c>, <c>band-none</c>, <c>dimension</c>).</param>
/// <param name="Percentage">The city's score as a percentage of the maximum points; null when unscored.</param>
public sealed record WheelSegment(string Code, string Name, string Path, string CssClass, double? Percentage);
