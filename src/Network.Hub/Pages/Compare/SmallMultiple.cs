using System.Globalization;
using Network.Benchmarking.Targets;
using Network.Hub.Comparison;

namespace Network.Hub.Pages.Compare;

/// <summary>
/// The geometry of one small multiple: a KPI (data point) of a <see cref="ComparisonRow"/> as horizontal bars, one per
/// compared city, on a shared value axis, with the network median as a labelled line and, where the target set scores
/// the KPI, its bands as shaded, labelled stretches behind the bars. Numbers only; the page draws the SVG from it.
/// </summary>
public sealed class SmallMultiple
{
    /// <summary>The SVG's width in user units.</summary>
    public const double Width = 560;

    /// <summary>Where the city names end and the plot begins.</summary>
    public const double PlotLeft = 170;

    /// <summary>Where the plot ends; the value labels of the longest bars go beyond it.</summary>
    public const double PlotRight = 490;

    /// <summary>Where the band shades begin: above them, the median's label; in their top strip, the bands' words.</summary>
    public const double BandTop = 18;

    /// <summary>Where the plot's first bar row begins.</summary>
    public const double PlotTop = 38;

    private const double RowHeight = 22;
    private const double BarHeight = 14;
    private const double AxisHeight = 26;
    private const double CharWidth = 6.4; // about one character of the 11px labels

    private readonly double _low;
    private readonly double _high;

    private SmallMultiple(ComparisonRow row, IReadOnlyList<ComparedCity> cities, Target? target)
    {
        var values = row.Cells.Where(c => c.Score is not null).Select(c => c.Score!.Value).ToList();
        if (row.NetworkMedian is { } median)
        {
            values.Add(median);
        }

        if (target is not null)
        {
            values.Add(target.Value);
        }

        var low = Math.Min(0, values.Count > 0 ? values.Min() : 0);
        var high = Math.Max(low + 1e-9, values.Count > 0 ? values.Max() : 1);
        var step = NiceStep((high - low) / 4);
        _low = Math.Floor(low / step) * step;
        _high = Math.Max(Math.Ceiling(high / step) * step, _low + step);
        Ticks = [.. Enumerable.Range(0, (int)Math.Round((_high - _low) / step) + 1).Select(i => _low + (i * step)).Select(v => new SmallMultipleTick(X(v), CompareFormat.Number(v)))];
        PlotBottom = PlotTop + (cities.Count * RowHeight);
        Height = PlotBottom + AxisHeight;
        ZeroX = X(0);
        Bars = [.. row.Cells.Select((cell, i) => BarOf(cell, cities[i], PlotTop + (i * RowHeight)))];
        if (row.NetworkMedian is { } m)
        {
            MedianX = X(m);
            MedianLabel = "network median " + CompareFormat.Number(m);
            MedianAnchor = MedianX + (MedianLabel.Length * CharWidth / 2) > Width ? "end" : MedianX - (MedianLabel.Length * CharWidth / 2) < PlotLeft ? "start" : "middle";
        }

        Bands = target is null ? [] : [.. TargetBands.Of(target).Select(AreaOf).OfType<SmallMultipleBand>()];
    }

    /// <summary>The SVG's height in user units.</summary>
    public double Height { get; }

    /// <summary>Where the plot's last bar row ends and the axis begins.</summary>
    public double PlotBottom { get; }

    /// <summary>The x of the value 0 (where bars start).</summary>
    public double ZeroX { get; }

    /// <summary>One bar (or "not reported") per city, in the table's order.</summary>
    public IReadOnlyList<SmallMultipleBar> Bars { get; }

    /// <summary>The axis ticks.</summary>
    public IReadOnlyList<SmallMultipleTick> Ticks { get; }

    /// <summary>The target's bands within the axis; empty when the target set does not score the KPI.</summary>
    public IReadOnlyList<SmallMultipleBand> Bands { get; }

    /// <summary>The x of the network median; <see langword="null"/> when no city of the network reported the KPI.</summary>
    public double? MedianX { get; }

    /// <summary>The median's label, e.g. <c>network median 57.5</c>.</summary>
    public string? MedianLabel { get; }

    /// <summary>The median label's <c>text-anchor</c>, so it stays inside the drawing.</summary>
    public string MedianAnchor { get; } = "middle";

    /// <summary>The chart of one row.</summary>
    public static SmallMultiple Of(ComparisonRow row, IReadOnlyList<ComparedCity> cities, Target? target)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cities);
        return new SmallMultiple(row, cities, target);
    }

    /// <summary>A number as the chart prints it (invariant culture, at most 2 decimals).</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private double X(double value) => PlotLeft + ((value - _low) / (_high - _low) * (PlotRight - PlotLeft));

    private SmallMultipleBar BarOf(ComparisonCell cell, ComparedCity city, double top)
    {
        var y = top + ((RowHeight - BarHeight) / 2);
        if (cell.Score is not { } score)
        {
            return new SmallMultipleBar(city.Name, null, "not reported", y, ZeroX, 0, ZeroX + 4, top + (RowHeight / 2) + 4);
        }

        var end = X(score.Value);
        var (x, width) = end >= ZeroX ? (ZeroX, end - ZeroX) : (end, ZeroX - end);
        return new SmallMultipleBar(city.Name, score.Value, CompareFormat.Number(score.Value), y, x, Math.Max(width, 1), Math.Max(end, ZeroX) + 4, top + (RowHeight / 2) + 4);
    }

    private SmallMultipleBand? AreaOf(BandRegion region)
    {
        var from = Math.Max(region.From, _low);
        var to = Math.Min(region.To ?? _high, _high);
        if (to <= from)
        {
            return null;
        }

        var x = X(from);
        var width = X(to) - x;
        if (width < 0.5)
        {
            return null;
        }

        // The band reaching the plot's right end may spill its words into the margin beyond it.
        var room = to >= _high ? Width - x : width;
        var label = region.ShortLabel.Length * CharWidth + 6 <= room ? region.ShortLabel
            : CharWidth + 6 <= room ? ((int)region.Band).ToString(CultureInfo.InvariantCulture) : null;
        return new SmallMultipleBand(region, x, width, label);
    }

    // 1, 2 or 5 times a power of ten, at least `rough`.
    private static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough) || double.IsInfinity(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}

/// <summary>A city's bar in a <see cref="SmallMultiple"/>.</summary>
/// <param name="City">The city's name (the row's label).</param>
/// <param name="Value">The value; <see langword="null"/> when the city did not report it (no bar is drawn).</param>
/// <param name="ValueText">The value as printed, or <c>not reported</c>.</param>
/// <param name="Y">The bar's top.</param>
/// <param name="X">The bar's left edge.</param>
/// <param name="Width">The bar's width.</param>
/// <param name="LabelX">Where the value's label starts.</param>
/// <param name="TextY">The baseline of the row's labels.</param>
public sealed record SmallMultipleBar(string City, double? Value, string ValueText, double Y, double X, double Width, double LabelX, double TextY);

/// <summary>An axis tick.</summary>
/// <param name="X">Its x.</param>
/// <param name="Label">The value it marks.</param>
public sealed record SmallMultipleTick(double X, string Label);

/// <summary>A band of the target, as drawn: a shaded stretch with its words when they fit.</summary>
/// <param name="Region">The band and its values.</param>
/// <param name="X">The left edge.</param>
/// <param name="Width">The width.</param>
/// <param name="Label">The words drawn over it (the band's short label, or its points where that does not fit); none when nothing fits.</param>
public sealed record SmallMultipleBand(BandRegion Region, double X, double Width, string? Label)
{
    /// <summary>The style class of the band's shade.</summary>
    public string CssClass => "cmp-band cmp-band-" + ((int)Region.Band).ToString(CultureInfo.InvariantCulture);
}
