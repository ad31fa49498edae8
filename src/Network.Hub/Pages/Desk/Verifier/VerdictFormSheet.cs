using System.Text;
using Network.Contracts.Csv;
using Network.ValueFiles;

namespace Network.Hub.Pages.Desk.Verifier;

/// <summary>What a verifier chose for one value on the verdict form: the sheet's three verifier cells.</summary>
/// <param name="Verdict"><c>verified</c>, <c>not-verified</c>, <c>question</c>, or empty for not judged yet.</param>
/// <param name="Reason">Why not verified (required then), or a remark.</param>
/// <param name="Question">The question for the city, with the verdict <c>question</c>.</param>
public sealed record VerdictChoice(string Verdict, string Reason, string Question)
{
    /// <summary>A row left as it was.</summary>
    public static VerdictChoice Empty { get; } = new("", "", "");
}

/// <summary>
/// The verdict form's answer: the hub's own verdict sheet of the snapshot (written by <see cref="VerdictSheet"/>, the
/// sheet <c>GET /api/verification/snapshots/{id}/sheet</c> gives), with the verifier's choices written into its
/// <c>verdict</c>, <c>reason</c> and <c>question</c> cells, then read back by the same reader the node program's
/// <c>verifier attest</c> signs with. So the form refuses exactly what the node would, in the same words, and a sheet
/// it hands out is one the node signs as it is. The hub signs nothing: the verifier's key never leaves the verifier.
/// </summary>
public static class VerdictFormSheet
{
    /// <summary>The most values the form takes; a larger snapshot's sheet is filled in a spreadsheet (<c>verifier sheet</c>).</summary>
    public const int MaxValues = 300;

    /// <summary>The form field of row <paramref name="row"/>'s verdict.</summary>
    public static string VerdictField(int row) => $"verdict-{row}";

    /// <summary>The form field of row <paramref name="row"/>'s reason.</summary>
    public static string ReasonField(int row) => $"reason-{row}";

    /// <summary>The form field of row <paramref name="row"/>'s question.</summary>
    public static string QuestionField(int row) => $"question-{row}";

    /// <summary>The choices posted for a snapshot of <paramref name="rows"/> values; fields left out read as empty.</summary>
    public static IReadOnlyList<VerdictChoice> Choices(IFormCollection form, int rows)
    {
        ArgumentNullException.ThrowIfNull(form);
        return [.. Enumerable.Range(0, Math.Min(rows, MaxValues)).Select(i =>
            new VerdictChoice(Field(form, VerdictField(i)), Field(form, ReasonField(i)), Field(form, QuestionField(i))))];
    }

    /// <summary>
    /// Writes <paramref name="choices"/> (one per value, in the snapshot's order) into <paramref name="sheet"/>, the CSV
    /// verdict sheet of <paramref name="snapshot"/>, and reads the result back against the snapshot.
    /// </summary>
    /// <param name="sheet">The CSV the hub's sheet writer made for <paramref name="snapshot"/>.</param>
    /// <param name="snapshot">The snapshot the sheet judges.</param>
    /// <param name="choices">The verifier's choice per value.</param>
    /// <param name="fileName">The sheet's file name, as the reader's messages name it.</param>
    public static FilledForm Fill(byte[] sheet, JudgedSnapshot snapshot, IReadOnlyList<VerdictChoice> choices, string fileName)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(choices);
        var records = Records(sheet);
        var header = records.FindIndex(r => r.Fields.Count > 0 && r.Fields[0] == VerdictColumns.Kpi);
        var columns = records[header].Fields.ToList();
        var (verdict, reason, question) = (columns.IndexOf(VerdictColumns.Verdict), columns.IndexOf(VerdictColumns.Reason), columns.IndexOf(VerdictColumns.Question));
        var row = 0;
        var rows = records.Select((record, i) =>
        {
            var cells = record.Fields.ToArray();
            if (i > header && cells.Length == columns.Count)
            {
                var choice = row < choices.Count ? choices[row] : VerdictChoice.Empty;
                cells[verdict] = choice.Verdict;
                cells[reason] = choice.Reason;
                cells[question] = choice.Question;
                row++;
            }

            return (IReadOnlyList<string>)cells;
        }).ToList();

        using var output = new MemoryStream();
        CsvTable.Write(output, rows);
        var filled = output.ToArray();

        // Which form row each line of the filled sheet is, so that the reader's "line 9, reason: ..." lands beside its value.
        var written = Records(filled);
        var writtenHeader = written.FindIndex(r => r.Fields.Count > 0 && r.Fields[0] == VerdictColumns.Kpi);
        var rowOfLine = written.Skip(writtenHeader + 1).Where(r => r.Fields.Count == columns.Count)
            .Select((r, i) => (r.Line, Row: i)).ToDictionary(x => x.Line, x => x.Row);

        using var input = new MemoryStream(filled);
        var read = VerdictSheet.ReadCsv(input, fileName, snapshot);
        if (read.Success)
        {
            return new FilledForm(filled, read.Value, new Dictionary<int, IReadOnlyList<string>>(), []);
        }

        var byRow = new Dictionary<int, List<string>>();
        var general = new List<string>();
        foreach (var error in read.Failures)
        {
            if (rowOfLine.TryGetValue(error.Line, out var at))
            {
                (byRow.TryGetValue(at, out var list) ? list : byRow[at] = []).Add(error.Column is { } column ? $"{column}: {error.Message}" : error.Message);
            }
            else
            {
                general.Add(error.Message);
            }
        }

        return new FilledForm(null, null, byRow.ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Value), general);
    }

    private static List<CsvRecord> Records(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return [.. CsvText.Read(reader)];
    }

    // One line per cell: a line break in a text box would start a new line of the sheet in some spreadsheet programs.
    private static string Field(IFormCollection form, string name) =>
        string.Join(' ', form[name].ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>The verdict form read as a sheet: the filled sheet and what it says, or the problems per form row.</summary>
/// <param name="Sheet">The filled CSV sheet; null when it has problems.</param>
/// <param name="Read">The verdicts and questions the node will sign and post; null when the sheet has problems.</param>
/// <param name="RowProblems">Per form row (the value's index in the snapshot), the reader's messages about it.</param>
/// <param name="Problems">The reader's messages about the sheet as a whole (e.g. no verdict at all).</param>
public sealed record FilledForm(byte[]? Sheet, FilledVerdictSheet? Read, IReadOnlyDictionary<int, IReadOnlyList<string>> RowProblems, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the sheet is one the node program signs as it is.</summary>
    public bool Ok => Sheet is not null;
}
