using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Network.Spreadsheets;

/// <summary>How a cell looks.</summary>
public enum XlsxStyle
{
    /// <summary>The default look.</summary>
    Normal = 0,

    /// <summary>Bold text, for header rows and labels.</summary>
    Bold = 1,

    /// <summary>A light grey fill, for text meant for reading rather than changing.</summary>
    Shaded = 2,
}

/// <summary>One cell: text, a number, or nothing (an empty cell that still carries its style).</summary>
/// <param name="Value">A <see cref="string"/> (an inline string; empty text is an empty cell), a <see cref="double"/>
/// or an <see cref="int"/> (a numeric cell), or <see langword="null"/> (an empty cell).</param>
/// <param name="Style">How it looks.</param>
public readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Normal);

/// <summary>One worksheet.</summary>
/// <param name="Name">The sheet's name (tab).</param>
/// <param name="Rows">The rows from row 1, each its cells from column A.</param>
public sealed record XlsxWorksheet(string Name, IReadOnlyList<IReadOnlyList<XlsxCell>> Rows)
{
    /// <summary>Whether row 1 stays in view when scrolling.</summary>
    public bool FreezeHeader { get; init; }

    /// <summary>The width of each column from A, in characters; <see langword="null"/> for Excel's default.</summary>
    public IReadOnlyList<double>? ColumnWidths { get; init; }

    /// <summary>Elements that follow the sheet data, in schema order (an <c>AutoFilter</c>, <c>DataValidations</c>).</summary>
    public IReadOnlyList<OpenXmlElement> After { get; init; } = [];
}

/// <summary>Writes workbooks with the Open XML SDK: numbers as numeric cells, text as inline strings, two styles.</summary>
public static class XlsxWorkbook
{
    /// <summary>Writes <paramref name="sheets"/>, in order, as one workbook to <paramref name="output"/> (which need not be seekable).</summary>
    public static void Write(Stream output, IReadOnlyList<XlsxWorksheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);

        // The package is written to a buffer first: the Open XML SDK needs a seekable stream, standard output is not.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var list = workbookPart.Workbook.AppendChild(new Sheets());
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheets[i]);
                list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheets[i].Name });
            }

            workbookPart.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>The workbook's bytes.</summary>
    public static byte[] ToBytes(IReadOnlyList<XlsxWorksheet> sheets)
    {
        using var output = new MemoryStream();
        Write(output, sheets);
        return output.ToArray();
    }

    /// <summary>The column letters of a zero-based column index: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string Letter(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }

    private static Worksheet Worksheet(XlsxWorksheet sheet)
    {
        var worksheet = new Worksheet();
        if (sheet.FreezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        }

        if (sheet.ColumnWidths is { Count: > 0 } widths)
        {
            worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            data.Append(Row((uint)r + 1, sheet.Rows[r]));
        }

        worksheet.Append(data);
        foreach (var element in sheet.After)
        {
            worksheet.Append(element.CloneNode(true));
        }

        return worksheet;
    }

    private static Row Row(uint index, IReadOnlyList<XlsxCell> cells)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = new Cell { CellReference = $"{Letter(c)}{index}", StyleIndex = (uint)cells[c].Style };
            switch (cells[c].Value)
            {
                case null:
                case string { Length: 0 }:
                    break;
                case double number:
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number);
                    break;
                case int number:
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number);
                    break;
                case string text:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                    break;
                case var other:
                    throw new ArgumentException($"A cell holds text, a double, an int or nothing; not {other.GetType().Name}.", nameof(cells));
            }

            row.Append(cell);
        }

        return row;
    }

    // Style 0: default; 1: bold; 2: grey fill. The order matches XlsxStyle.
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
