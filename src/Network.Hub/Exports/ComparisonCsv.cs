using System.Text;
using Network.Hub.Comparison;

namespace Network.Hub.Exports;

/// <summary>A <see cref="ComparisonTable"/> as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), RFC 4180 quoting, CRLF.</summary>
public static class ComparisonCsv
{
    /// <summary>The CSV file's bytes.</summary>
    public static byte[] Write(ComparisonTable table)
    {
        var text = new StringBuilder();
        Line(text, ComparisonSheet.Header(table));
        foreach (var row in ComparisonSheet.Rows(table))
        {
            Line(text, row.Select(ComparisonSheet.Text).ToArray());
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
