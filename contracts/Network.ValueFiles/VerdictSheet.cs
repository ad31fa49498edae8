using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Network.Contracts.Attestations;
using Network.Contracts.Catalogue;
using Network.Contracts.Csv;
using Network.Contracts.Snapshots;
using Network.Spreadsheets;
using ReadResult = Network.Contracts.Results.Result<Network.ValueFiles.FilledVerdictSheet, Network.ValueFiles.ImportError>;
using SnapshotResult = Network.Contracts.Results.Result<Network.ValueFiles.JudgedSnapshot, Network.ValueFiles.ImportError>;

namespace Network.ValueFiles;

/// <summary>
/// The verifier's verdict sheet (CSV or XLSX): written prefilled from a city's snapshot (the facts naming it above a
/// table of its values with their unit, quality class, origin, source and note) with empty <c>verdict</c>,
/// <c>reason</c> and <c>question</c> cells; read back into the verdicts an attestation signs and the questions for the
/// city's threads. As <see cref="ValueFile"/> does for values, reading never throws for a bad sheet: the answer is
/// the verdicts, or every problem with its line and column, and then nothing at all.
/// </summary>
public static class VerdictSheet
{
    /// <summary>The worksheet that holds the table in an XLSX verdict sheet.</summary>
    public const string SheetName = "Verdicts";

    private static readonly string[] Instructions =
    [
        "U4SSC verdict sheet: how to fill it in",
        "",
        "The sheet Verdicts holds the values of one city snapshot, as the city signed them. Do not change the facts above the table, nor the kpi, dataPoint, value and unit cells: a verdict binds to the value the city signed.",
        $"verdict: {string.Join(", ", AttestationFormat.Outcomes)}; leave it empty for a value you have not judged yet.",
        "reason: why a value is not verified (required then); for the other verdicts an optional short remark, which becomes public with the attestation.",
        "question: your question to the city, with the verdict question. It goes to the city's members-only thread on that value, never into the public attestation.",
        "",
        "Then: sign the sheet with the node (verifier attest FILE), which sends the attestation and posts the questions.",
    ];

    /// <summary>Writes the sheet for <paramref name="snapshot"/> to <paramref name="path"/>: XLSX by its <c>.xlsx</c> extension, otherwise CSV.</summary>
    public static void Write(string path, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        if (ValueFile.IsXlsx(path))
        {
            WriteXlsx(file, snapshot);
        }
        else
        {
            WriteCsv(file, snapshot);
        }
    }

    /// <summary>Writes the sheet for <paramref name="snapshot"/> as CSV (RFC 4180, UTF-8 with a byte-order mark).</summary>
    public static void WriteCsv(Stream output, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CsvTable.Write(output, Rows(snapshot).Select(row => (IReadOnlyList<string>)row.Select(Text).ToArray()));
    }

    /// <summary>Writes the sheet for <paramref name="snapshot"/> as an XLSX workbook: the sheet <c>Verdicts</c> and a sheet of instructions.</summary>
    public static void WriteXlsx(Stream output, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        XlsxWorkbook.Write(output, [VerdictsSheet(snapshot), InstructionsSheet()]);
    }

    /// <summary>Reads the filled sheet at <paramref name="path"/> (XLSX by its extension, otherwise CSV) against <paramref name="snapshot"/>.</summary>
    public static ReadResult Read(string path, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(snapshot);
        return Open(path) is { } failure
            ? ReadResult.Refused(failure)
            : VerdictSheetReader.Read(Content(path), snapshot, Path.GetFileName(path));
    }

    /// <summary>Reads a filled CSV sheet against <paramref name="snapshot"/>; <paramref name="sourceName"/> names it in messages.</summary>
    public static ReadResult ReadCsv(Stream csv, string sourceName, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(snapshot);
        return VerdictSheetReader.Read(CsvSheet.Read(csv, sourceName), snapshot, sourceName);
    }

    /// <summary>Reads a filled XLSX sheet against <paramref name="snapshot"/>; <paramref name="sourceName"/> names it in messages.</summary>
    public static ReadResult ReadXlsx(Stream xlsx, string sourceName, JudgedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(snapshot);
        return VerdictSheetReader.Read(XlsxSheet.Read(xlsx, sourceName, SheetName), snapshot, sourceName);
    }

    /// <summary>
    /// The snapshot a sheet at <paramref name="path"/> says it judges: its facts and the values of its table, as
    /// written. For a sheet as the hub wrote it, this is the snapshot itself; a verifier's tool reads it to learn
    /// which snapshot a filled sheet is about.
    /// </summary>
    public static SnapshotResult ReadSnapshot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(path) is { } failure
            ? SnapshotResult.Refused(failure)
            : VerdictSheetReader.ReadSnapshot(Content(path), Path.GetFileName(path));
    }

    /// <summary>The snapshot a CSV sheet says it judges (see <see cref="ReadSnapshot(string)"/>).</summary>
    public static SnapshotResult ReadSnapshotCsv(Stream csv, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return VerdictSheetReader.ReadSnapshot(CsvSheet.Read(csv, sourceName), sourceName);
    }

    private static ImportError? Open(string path) =>
        !File.Exists(path) ? new ImportError(0, null, $"The file {path} does not exist.")
        : string.Equals(Path.GetExtension(path), ".xls", StringComparison.OrdinalIgnoreCase)
            ? new ImportError(0, null, $"{Path.GetFileName(path)} is in the old Excel 97-2003 format. Save it in Excel as 'Excel Workbook (*.xlsx)' or 'CSV UTF-8'.")
            : null;

    private static SheetContent Content(string path)
    {
        using var stream = File.OpenRead(path);
        var name = Path.GetFileName(path);
        return ValueFile.IsXlsx(path) ? XlsxSheet.Read(stream, name, SheetName) : CsvSheet.Read(stream, name);
    }

    // The sheet's rows, cells as text or number: the facts, an empty row, the header, one row per value.
    private static List<object?[]> Rows(JudgedSnapshot snapshot)
    {
        var rows = new List<object?[]>
        {
            new object?[] { VerdictColumns.SnapshotId, snapshot.SnapshotId.ToString("D") },
            new object?[] { VerdictColumns.SnapshotDigest, snapshot.Digest },
            new object?[] { VerdictColumns.CityId, snapshot.CityId },
            new object?[] { VerdictColumns.Period, snapshot.Period },
            Array.Empty<object?>(),
            VerdictColumns.All.ToArray<object?>(),
        };

        rows.AddRange(snapshot.Values.Select(v => new object?[]
        {
            v.Kpi, KpiCatalogue.Default.TryGet(v.Kpi, out var kpi) ? kpi.Name : "", v.DataPoint ?? "", v.Value, v.Unit,
            WireNames.Of(v.Quality), v.Origin, v.Source, v.Note ?? "", "", "", "",
        }));
        return rows;
    }

    // "R": the shortest text that reads back as the very same double, so the sheet's value binds as the city signed it.
    private static string Text(object? cell) => cell switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => cell as string ?? "",
    };

    private static XlsxWorksheet VerdictsSheet(JudgedSnapshot snapshot)
    {
        var rows = Rows(snapshot);
        var header = VerdictColumns.Facts.Count + 1;
        var cells = rows.Select((row, r) => (IReadOnlyList<XlsxCell>)row.Select((cell, c) => new XlsxCell(cell, Style(r, header, c))).ToArray()).ToList();
        var verdict = XlsxWorkbook.Letter(VerdictColumns.All.ToList().IndexOf(VerdictColumns.Verdict));
        var first = header + 2;
        var last = Math.Max(rows.Count, first);
        return new XlsxWorksheet(SheetName, cells)
        {
            ColumnWidths = VerdictColumns.All.Select(Width).ToArray(),
            After =
            [
                new DataValidations(new DataValidation(new Formula1($"\"{string.Join(",", AttestationFormat.Outcomes)}\""))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "Verdict",
                    Error = $"Choose one of: {string.Join(", ", AttestationFormat.Outcomes)}.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{verdict}{first}:{verdict}{last}" },
                })
                { Count = 1 },
            ],
        };
    }

    // Facts and the city's cells are shaded as "for reading"; the header is bold; the verifier's cells stay plain.
    private static XlsxStyle Style(int row, int header, int column) =>
        row == header ? XlsxStyle.Bold
        : row < header ? (column == 0 ? XlsxStyle.Bold : XlsxStyle.Shaded)
        : VerdictColumns.Verifier.Contains(VerdictColumns.All[column]) ? XlsxStyle.Normal : XlsxStyle.Shaded;

    private static XlsxWorksheet InstructionsSheet() => new(
        "Instructions",
        Instructions.Select((line, i) => (IReadOnlyList<XlsxCell>)[new XlsxCell(line, i == 0 ? XlsxStyle.Bold : XlsxStyle.Normal)]).ToArray())
    {
        ColumnWidths = [140],
    };

    private static double Width(string column) => column switch
    {
        VerdictColumns.Kpi => 16,
        VerdictColumns.Name => 40,
        VerdictColumns.DataPoint or VerdictColumns.Value or VerdictColumns.Verdict => 14,
        VerdictColumns.Unit or VerdictColumns.Quality => 24,
        _ => 36,
    };
}
