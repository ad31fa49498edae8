using CsvHelper;

namespace Network.Contracts.Csv;

/// <summary>
/// The product's one CSV reader (RFC 4180), over CsvHelper: the KPI catalogue, target sets and value files all read
/// through it. Quoted fields may hold the separator, doubled quotes and line breaks; CRLF or LF; a leading byte-order
/// mark is dropped. Every record carries the line it starts on and how it breaks the quoting rules, if it does, so
/// callers can point at the line in their own words.
/// </summary>
public static class CsvText
{
    /// <summary>The records of <paramref name="text"/>, in order, empty lines included (as one empty field).</summary>
    /// <param name="text">The whole CSV text.</param>
    /// <param name="separator">The field separator: a comma unless the caller detected another.</param>
    public static IReadOnlyList<CsvRecord> Read(string text, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var faults = new Dictionary<long, CsvFault>();
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = separator,
            TrackLineNumbers = true,
            SkipEmptyLines = false,
            AllowLineBreaksInQuotes = true,
            OnMalformedRecord = m => faults.TryAdd(m.LineNumber, FaultOf(m.Reason)),
        };

        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var fields = new string[Math.Max(reader.FieldCount, 1)];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = i < reader.FieldCount ? reader.GetString(i) ?? "" : "";
            }

            records.Add(new CsvRecord(line, fields, faults.TryGetValue(line, out var fault) ? fault : null));
        }

        return records;
    }

    /// <summary>The records of everything <paramref name="reader"/> holds, comma-separated.</summary>
    public static IReadOnlyList<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader.ReadToEnd());
    }

    private static CsvFault FaultOf(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => CsvFault.StrayQuote,
        CsvMalformedReason.TextAfterClosingQuote => CsvFault.TextAfterClosingQuote,
        CsvMalformedReason.UnterminatedQuote => CsvFault.UnterminatedQuote,
        _ => CsvFault.Other,
    };
}
