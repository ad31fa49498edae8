using System.Text;

namespace Network.Benchmarking.Targets;

/// <summary>One CSV record and the line it starts on (1-based), for error messages.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool UnclosedQuote);

/// <summary>
/// A small RFC 4180 reader that remembers line numbers: quoted fields, doubled quotes, commas and line breaks
/// inside quotes, CRLF or LF. Fields are trimmed (spreadsheets pad them); a leading byte-order mark is dropped.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        var atStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (atStart)
            {
                atStart = false;
                if (ch == '\uFEFF')
                {
                    continue;
                }
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); } else { inQuotes = false; }
                }
                else
                {
                    if (ch == '\n') { line++; }
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString().Trim()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString().Trim());
                    field.Clear();
                    yield return new CsvRecord(recordLine, fields, false);
                    fields = [];
                    recordLine = ++line;
                    break;
                default: field.Append(ch); break;
            }
        }

        if (inQuotes || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().Trim());
            yield return new CsvRecord(recordLine, fields, inQuotes);
        }
    }
}
