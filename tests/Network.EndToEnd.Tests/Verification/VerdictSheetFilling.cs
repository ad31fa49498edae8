using Network.Contracts.Csv;
using Network.ValueFiles;

namespace Network.EndToEnd.Tests.Verification;

/// <summary>
/// What a verifier does to the CSV verdict sheet the hub hands out: fills in the <c>verdict</c> column of every value
/// row (and <c>question</c> where it asks), cell by cell, leaving the facts and the city's cells as they were. Read and
/// written with the product's own CSV reader and writer, as a spreadsheet program would round-trip the file.
/// </summary>
internal static class VerdictSheetFilling
{
    /// <summary>Every value <c>verified</c>, except the KPIs in <paramref name="questions"/>: <c>question</c> with that text.</summary>
    public static byte[] Fill(byte[] sheet, IReadOnlyDictionary<string, string> questions)
    {
        IReadOnlyList<CsvRecord> records;
        using (var reader = new StreamReader(new MemoryStream(sheet), detectEncodingFromByteOrderMarks: true))
        {
            records = CsvText.Read(reader);
        }

        var header = records.Select((r, i) => (r, i)).Single(x => x.r.Fields.Count > 0 && x.r.Fields[0] == VerdictColumns.Kpi);
        var columns = header.r.Fields.ToList();
        var verdict = columns.IndexOf(VerdictColumns.Verdict);
        var question = columns.IndexOf(VerdictColumns.Question);
        var rows = records.Select((record, i) =>
        {
            var cells = record.Fields.ToArray();
            if (i > header.i && cells.Length == columns.Count)
            {
                var asked = questions.TryGetValue(cells[0], out var text);
                cells[verdict] = asked ? "question" : "verified";
                cells[question] = asked ? text! : "";
            }

            return (IReadOnlyList<string>)cells;
        });

        using var output = new MemoryStream();
        CsvTable.Write(output, rows);
        return output.ToArray();
    }
}
