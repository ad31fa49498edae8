using System.Globalization;
using Network.Benchmarking.Targets;
using Network.Hub.Comparison;
using Network.Hub.Scoring;
using Network.Spreadsheets;

namespace Network.Hub.Exports;

/// <summary>
/// A <see cref="ComparisonTable"/> as an Excel workbook (<see cref="XlsxWorkbook"/>): the sheet <c>Comparison</c> with
/// a bold, frozen header row and numbers as numeric cells (a missing value is an empty cell), and the sheet
/// <c>About</c> saying the period, the as-of date, the scoring basis, the target set and its sources, and when the file was generated.
/// </summary>
public static class ComparisonXlsx
{
    /// <summary>The name of the table's sheet.</summary>
    public const string ComparisonSheetName = "Comparison";

    /// <summary>The name of the sheet that describes the table.</summary>
    public const string AboutSheetName = "About";

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Write(ComparisonTable table, TargetSet targets, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(targets);
        var header = ComparisonSheet.Header(table);
        var rows = new List<IReadOnlyList<XlsxCell>> { header.Select(h => new XlsxCell(h, XlsxStyle.Bold)).ToArray() };
        rows.AddRange(ComparisonSheet.Rows(table).Select(row => row.Select(value => new XlsxCell(value)).ToArray()));
        var comparison = new XlsxWorksheet(ComparisonSheetName, rows)
        {
            FreezeHeader = true,
            ColumnWidths = header.Select((_, i) => i == 1 ? 40d : 16d).ToArray(),
        };
        var about = new XlsxWorksheet(
            AboutSheetName,
            About(table, targets, generatedAt).Select(line => (IReadOnlyList<XlsxCell>)[new XlsxCell(line.Label, XlsxStyle.Bold), new XlsxCell(line.Text)]).ToArray())
        {
            ColumnWidths = [18, 120],
        };
        return XlsxWorkbook.ToBytes([comparison, about]);
    }

    private static IReadOnlyList<(string Label, string Text)> About(ComparisonTable table, TargetSet targets, DateTimeOffset generatedAt) =>
    [
        ("Period", table.Period.ToString(CultureInfo.InvariantCulture)),
        ("As of", table.AsOf is { } asOf ? asOf.ToString("O", CultureInfo.InvariantCulture) : "current values (latest accepted snapshot of each city)"),
        ("Basis", table.Basis == ScoringBasis.AsVerified
            ? "as verified: only values a U4SSC verifier verified count, as in a U4SSC City Snapshot"
            : "as reported: every value the cities reported counts, verified or not"),
        ("Target set", $"{targets.Name} version {targets.Version} (catalogue {targets.CatalogueVersion})"),
        ("Target sources", string.Join("; ", targets.Targets.Select(t => t.Source).Distinct(StringComparer.Ordinal))),
        ("Cities", string.Join(", ", table.Cities.Select(c => c.Synthetic ? $"{c.Id} {c.Name} (synthetic)" : $"{c.Id} {c.Name}"))),
        ("Generated", generatedAt.ToString("O", CultureInfo.InvariantCulture)),
        ("Missing values", "an empty cell means the city did not report the value; it is never 0"),
    ];
}
