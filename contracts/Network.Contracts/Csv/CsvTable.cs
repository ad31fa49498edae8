using CsvHelper;

namespace Network.Contracts.Csv;

/// <summary>
/// Writes rows as CSV (RFC 4180: comma separated, cells quoted where they hold a comma, a quote or a line break),
/// UTF-8 with a byte-order mark so that Excel shows the characters right. The counterpart of <see cref="CsvText"/>,
/// which reads what this writes.
/// </summary>
public static class CsvTable
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="output"/>, which stays open.</summary>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="rows">The rows, each its cells from the first column; rows may differ in length, and an empty row is written as an empty line.</param>
    public static void Write(Stream output, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, ValidateFieldCount = false }, leaveOpen: true);
        foreach (var row in rows)
        {
            // A record needs a field: an empty row is one empty field, which is an empty line.
            foreach (var cell in row.Count == 0 ? [""] : row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }

        csv.Flush();
    }
}
