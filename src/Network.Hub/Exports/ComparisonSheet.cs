using System.Globalization;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Hub.Comparison;
using Network.Hub.Scoring;

namespace Network.Hub.Exports;

/// <summary>
/// A <see cref="ComparisonTable"/> laid out as the rows and columns the CSV and XLSX exports print: kpi, name, data
/// point, unit, direction, network median, reporting cities, then per city value, % of target, band, rank and
/// quality and verified (<c>yes</c>/<c>no</c>). A missing value is a <see langword="null"/> cell (printed empty), never 0.
/// </summary>
public static class ComparisonSheet
{
    /// <summary>The columns before the per-city ones.</summary>
    public static readonly IReadOnlyList<string> KpiColumns = ["kpi", "name", "dataPoint", "unit", "direction", "networkMedian", "reportingCities"];

    /// <summary>The columns each city has, after its id: e.g. <c>NO-5001 value</c>.</summary>
    public static readonly IReadOnlyList<string> CityColumns = ["value", "% of target", "band", "rank", "quality", "verified"];

    /// <summary>The header row.</summary>
    public static IReadOnlyList<string> Header(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. KpiColumns, .. table.Cities.SelectMany(city => CityColumns.Select(c => $"{city.Id} {c}"))];
    }

    /// <summary>The data rows: each cell a <see cref="string"/>, a <see cref="double"/> or an <see cref="int"/>, or <see langword="null"/> when empty.</summary>
    public static IEnumerable<object?[]> Rows(ComparisonTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var row in table.Rows)
        {
            var cells = new List<object?>
            {
                row.Key.Kpi, row.Kpi.Name, row.Key.DataPoint, row.Kpi.Unit.Symbol, DirectionName(row.Kpi.Direction),
                row.NetworkMedian, row.ReportingCount,
            };
            foreach (var cell in row.Cells)
            {
                var score = cell.Score;
                cells.Add(score?.Value);
                cells.Add(score?.PercentOfTarget is { } percent ? Math.Round(percent, 2) : null);
                cells.Add(score?.Band is { } band ? Bands.LabelOf(band) : null);
                cells.Add(score?.Standing.Rank);
                cells.Add(score is null ? null : WireNames.Of(score.Quality));
                cells.Add(score is null ? null : score.Verified ? "yes" : "no");
            }

            yield return [.. cells];
        }
    }

    /// <summary>The text of a cell, invariant culture; empty for <see langword="null"/>.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// A file name for the export, e.g. <c>comparison-2020-NO-5001-NO-9901.csv</c>; it ends in <c>-as-verified</c> when
    /// only verified values count, so a file on disk still says which basis it holds.
    /// </summary>
    public static string FileName(ComparisonTable table, string extension)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cities = table.Cities.Count <= 4 ? string.Join("-", table.Cities.Select(c => c.Id)) : $"{table.Cities.Count}-cities";
        var asOf = table.AsOf is { } date ? $"-asof-{date.UtcDateTime:yyyyMMdd}" : "";
        var basis = table.Basis == ScoringBasis.AsVerified ? "-as-verified" : "";
        return $"comparison-{table.Period.ToString(CultureInfo.InvariantCulture)}-{cities}{asOf}{basis}.{extension}";
    }

    private static string DirectionName(Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "higher is better",
        Direction.LowerIsBetter => "lower is better",
        Direction.TargetBand => "target band",
        _ => "none",
    };
}
