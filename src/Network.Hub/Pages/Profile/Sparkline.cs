using System.Globalization;

namespace Network.Hub.Pages.Profile;

/// <summary>
/// A small trend line as SVG geometry: the values of one KPI over the periods, scaled into a fixed box (periods evenly
/// apart from left to right, the lowest value at the bottom). Drawn only for two periods or more; its numbers are
/// always written out next to it.
/// </summary>
public static class Sparkline
{
    /// <summary>The drawing's width in SVG units.</summary>
    public const double Width = 96;

    /// <summary>The drawing's height in SVG units.</summary>
    public const double Height = 28;

    private const double Pad = 3;

    /// <summary>The polyline's points for <paramref name="points"/> (oldest first); empty for fewer than two.</summary>
    public static string Points(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Count < 2 ? "" : string.Join(' ', points.Select((_, i) => Coordinates(points, i)).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.X:F1},{c.Y:F1}")));
    }

    /// <summary>Where the point at <paramref name="index"/> is drawn.</summary>
    public static (double X, double Y) Coordinates(IReadOnlyList<TrendPoint> points, int index)
    {
        ArgumentNullException.ThrowIfNull(points);
        var min = points.Min(p => p.Value);
        var max = points.Max(p => p.Value);
        var x = Pad + ((Width - (2 * Pad)) * index / Math.Max(1, points.Count - 1));
        var y = max == min ? Height / 2 : Pad + ((Height - (2 * Pad)) * (max - points[index].Value) / (max - min));
        return (x, y);
    }

    /// <summary>The trend in words, e.g. <c>2019: 1.2, 2020: 1.34</c>.</summary>
    public static string Words(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return string.Join(", ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Period}: {ProfileFormat.Number(p.Value)}")));
    }
}
