using System.Text;
using Network.Contracts.Csv;

namespace Network.ValueFiles;

/// <summary>
/// Reads a CSV value file (RFC 4180) into rows with their line numbers, through the product's one CSV reader
/// (<see cref="CsvText"/>). UTF-8 (with or without a
/// byte-order mark) or UTF-16 with a byte-order mark; the separator is the one the header line uses, so files that
/// Excel saved with semicolons (as it does where the comma is the decimal separator) read as well as comma files.
/// </summary>
internal static class CsvSheet
{
    private static readonly char[] Separators = [',', ';', '\t'];

    public static SheetContent Read(Stream csv, string sourceName)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            csv.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            return SheetContent.Failed(0, $"{sourceName} is an Excel workbook (XLSX), not a CSV file: give it the .xlsx extension, or save it from Excel as 'CSV UTF-8'.");
        }

        if (Decode(bytes) is not { } text)
        {
            return SheetContent.Failed(FirstInvalidLine(bytes), $"{sourceName} is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (Comma delimited)'; or import the .xlsx workbook itself.");
        }

        if (text.Length == 0 || text.All(char.IsWhiteSpace))
        {
            return SheetContent.Failed(0, $"{sourceName} is empty. Start from the template (`template --format csv`), which has the header row and a row for every KPI.");
        }

        var (separator, hintLine) = DetectSeparator(text);
        var rows = new List<SheetRow>();
        foreach (var record in CsvText.Read(text, separator))
        {
            if (record.Line == hintLine || (record.Fault is null && record.Fields is [""]))
            {
                continue;
            }

            rows.Add(new SheetRow(record.Line, record.Fields.Select(f => new SheetCell(f)).ToList(), record.Fault is { } fault ? Describe(fault) : null));
        }

        return new SheetContent(rows);
    }

    // A BOM decides UTF-16; otherwise the text must be valid UTF-8 (a legacy code page is refused, not guessed).
    private static string? Decode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int FirstInvalidLine(byte[] bytes)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\n')
            {
                continue;
            }

            try
            {
                decoder.GetCharCount(bytes, lineStart, i - lineStart);
            }
            catch (DecoderFallbackException)
            {
                return line;
            }

            line++;
            lineStart = i + 1;
        }

        return line;
    }

    // The header names hold no separators, so the separator is the candidate the first line uses most. Excel may
    // write a first line "sep=;" that names it; that line is then skipped.
    private static (char Separator, int HintLine) DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        if (first.Length == 5 && first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && Separators.Contains(first[4]))
        {
            return (first[4], 1);
        }

        var best = ',';
        var bestCount = 0;
        foreach (var candidate in Separators)
        {
            var count = 0;
            var quoted = false;
            foreach (var c in first)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == candidate && !quoted)
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return (best, 0);
    }

    private static string Describe(CsvFault fault) => fault switch
    {
        CsvFault.StrayQuote =>
            "This line has a quote (\") inside a cell that does not start with one. Put the whole cell in quotes and double the quote inside it, e.g. \"the \"\"green\"\" plan\".",
        CsvFault.TextAfterClosingQuote =>
            "This line has text after the closing quote of a quoted cell. Put the whole cell in quotes and double every quote inside it.",
        CsvFault.UnterminatedQuote =>
            "A quoted cell that starts on this line is never closed, so it runs to the end of the file. Add the closing quote.",
        _ => "This line breaks the CSV quoting rules (RFC 4180). Save the file again from a spreadsheet, or fix the quotes by hand.",
    };
}
