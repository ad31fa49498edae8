using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Network.Contracts.Snapshots;
using Network.Node.Core.Import;

namespace Network.Node.Core.Templates;

/// <summary>
/// The template as an Excel workbook (Open XML SDK): the sheet <c>Values</c> with a bold, frozen header, the
/// catalogue's columns shaded as "for reading", and a drop-down of the data-quality classes; and a sheet
/// <c>Instructions</c>. The importer reads the sheet named <c>Values</c>, so the instructions can stay.
/// </summary>
internal static class XlsxTemplate
{
    private const uint HeaderStyle = 1;
    private const uint CatalogueStyle = 2;

    private static readonly string[] Instructions =
    [
        "U4SSC KPI values for one year: how to fill in this workbook",
        "",
        "Fill in the sheet Values, one row per value. Rows whose value cell stays empty are skipped, so leave the KPIs you do not report empty.",
        "value: the number in the KPI's unit (column unit), with a decimal point or comma, e.g. 2.46. Not formatted as a percentage: for 98 %, type 98.",
        $"quality: how the value was obtained, one of: {string.Join(", ", WireNames.Qualities)}.",
        "origin: who produced the data, e.g. Trondheim kommune or Statistics Norway.",
        "source: where the value can be checked: a document, a table or a URL.",
        "note: optional, a caveat or a difference from the KPI's definition.",
        "kpi, dataPoint and unit must stay as they are; name, unitDescription and dataPoints are for reading and are ignored.",
        "",
        "Then: import the file with the node (import FILE --period YEAR), publish, and send.",
    ];

    public static void Write(Stream output, IReadOnlyList<TemplateRow> rows)
    {
        // The package is written to a buffer first: the Open XML SDK needs a seekable stream, standard output is not.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            AddSheet(workbookPart, sheets, 1, XlsxSheet.ValuesSheetName, ValuesSheet(rows));
            AddSheet(workbookPart, sheets, 2, "Instructions", InstructionsSheet());
            workbookPart.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Worksheet ValuesSheet(IReadOnlyList<TemplateRow> rows)
    {
        var columns = ValueTemplate.Columns;
        var informational = columns.Select(c => c is ValueColumns.Kpi or ValueColumns.Name or ValueColumns.DataPoint or ValueColumns.Unit
            or ValueColumns.UnitDescription or ValueColumns.DataPoints).ToArray();

        var data = new SheetData();
        data.Append(Row(1, columns, _ => HeaderStyle));
        for (var i = 0; i < rows.Count; i++)
        {
            data.Append(Row((uint)i + 2, ValueTemplate.Cells(rows[i]), c => informational[c] ? CatalogueStyle : 0));
        }

        var quality = Letter(columns.ToList().IndexOf(ValueColumns.Quality));
        var last = rows.Count + 1;
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = Width(c),
                CustomWidth = true,
            })),
            data,
            new AutoFilter { Reference = $"A1:{Letter(columns.Count - 1)}{last}" },
            new DataValidations(new DataValidation(
                new Formula1($"\"{string.Join(",", WireNames.Qualities)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = "Data quality",
                Error = "Choose one of the U4SSC data-quality classes.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{quality}2:{quality}{last}" },
            })
            { Count = 1 });
    }

    private static Worksheet InstructionsSheet()
    {
        var data = new SheetData();
        for (var i = 0; i < Instructions.Length; i++)
        {
            data.Append(Row((uint)i + 1, [Instructions[i]], _ => i == 0 ? HeaderStyle : 0));
        }

        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 140, CustomWidth = true }), data);
    }

    private static Row Row(uint index, IReadOnlyList<string> texts, Func<int, uint> style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < texts.Count; c++)
        {
            var cell = new Cell { CellReference = $"{Letter(c)}{index}", StyleIndex = style(c) };
            if (texts[c].Length > 0)
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(texts[c]));
            }

            row.Append(cell);
        }

        return row;
    }

    private static double Width(string column) => column switch
    {
        ValueColumns.Kpi => 16,
        ValueColumns.Name => 40,
        ValueColumns.DataPoint => 16,
        ValueColumns.Value => 12,
        ValueColumns.Unit => 30,
        ValueColumns.Quality => 24,
        ValueColumns.Origin or ValueColumns.Source => 36,
        ValueColumns.Note => 30,
        ValueColumns.UnitDescription => 60,
        _ => 40,
    };

    private static string Letter(int column) => column < 26
        ? ((char)('A' + column)).ToString()
        : $"{(char)('A' + column / 26 - 1)}{(char)('A' + column % 26)}";

    // Style 0: default; 1: bold (header); 2: grey fill (catalogue text the analyst reads but does not change).
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEDEDED" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FillId = 2, ApplyFill = true })
        { Count = 3 });
}
