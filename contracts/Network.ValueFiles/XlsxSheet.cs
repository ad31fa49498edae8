using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Network.ValueFiles;

/// <summary>
/// Reads the rows of an XLSX workbook with the Open XML SDK: the sheet named <c>Values</c> (or the name the caller
/// gives) if there is one, else the first sheet. Numeric cells are read as numbers (their stored invariant text, never the displayed
/// text); text cells as text. Cells the text alone would misrepresent (Excel errors, formulas Excel never
/// calculated, numbers formatted as percentages) carry the problem.
/// </summary>
internal static class XlsxSheet
{
    public static SheetContent Read(Stream xlsx, string sourceName, string sheetName = ValueFile.ValuesSheetName)
    {
        try
        {
            var seekable = xlsx.CanSeek ? xlsx : Buffer(xlsx);
            using var document = SpreadsheetDocument.Open(seekable, isEditable: false);
            return ReadWorkbook(document, sourceName, sheetName);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or IOException)
        {
            return SheetContent.Failed(0, $"{sourceName} is not a readable Excel workbook (.xlsx): {e.Message.TrimEnd('.')}. Save it again from Excel as 'Excel Workbook (*.xlsx)', or export it as CSV UTF-8.");
        }
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static SheetContent ReadWorkbook(SpreadsheetDocument document, string sourceName, string sheetName)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = workbookPart?.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList() ?? [];
        if (workbookPart is null || sheets.Count == 0)
        {
            return SheetContent.Failed(0, $"{sourceName} has no worksheet. Start from the template (`template --format xlsx`).");
        }

        var chosen = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase)) ?? sheets[0];
        if (chosen.Id?.Value is not { } partId || workbookPart.GetPartById(partId) is not WorksheetPart worksheetPart)
        {
            return SheetContent.Failed(0, $"The sheet '{chosen.Name}' of {sourceName} is not a worksheet (a chart sheet?). Put the rows on a worksheet named {sheetName}.");
        }

        var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToArray() ?? [];
        var percentStyles = PercentStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        var rows = new List<SheetRow>();
        var previousRow = 0;
        foreach (var row in worksheetPart.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var line = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = line;
            var cells = new List<SheetCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(SheetCell.Empty);
                }

                cells.Add(Read(cell, strings, percentStyles));
            }

            rows.Add(new SheetRow(line, cells));
        }

        return new SheetContent(rows);
    }

    private static SheetCell Read(Cell cell, string[] strings, HashSet<uint> percentStyles)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (raw is null && cell.CellFormula is not null)
        {
            return new SheetCell("", "The cell holds a formula that Excel has not calculated. Open the file in Excel and save it again, or type the number.");
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length
                ? new SheetCell(strings[i])
                : new SheetCell("", "The cell refers to text the workbook does not contain; the file is damaged. Save it again from Excel.");
        }

        if (type == CellValues.InlineString)
        {
            return new SheetCell(cell.InlineString is { } inline ? TextOf(inline) : raw ?? "");
        }

        if (type == CellValues.Boolean)
        {
            return new SheetCell(raw == "1" ? "1" : "0");
        }

        if (type == CellValues.Error)
        {
            return new SheetCell(raw ?? "", $"The cell shows the Excel error {raw}. Put the number itself in the cell.");
        }

        if (type is null || type == CellValues.Number)
        {
            var problem = cell.StyleIndex?.Value is { } style && percentStyles.Contains(style)
                ? $"The cell is formatted as a percentage in Excel: it shows {Shown(raw)} but holds {raw}. Format the cell as General or Number and type the number in the KPI's unit (for 98 %, type 98)."
                : null;
            return new SheetCell(raw ?? "", problem);
        }

        return new SheetCell(raw ?? "");
    }

    private static string Shown(string? raw) =>
        double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? (v * 100).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) + " %"
            : raw + " as a percentage";

    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>() is { } text
            ? text.Text
            : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    // Built-in formats 9 (0%) and 10 (0.00%), and custom formats whose code shows a % outside quoted text.
    private static HashSet<uint> PercentStyles(Stylesheet? stylesheet)
    {
        var percentFormats = new HashSet<uint> { 9, 10 };
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            var code = format.FormatCode?.Value ?? "";
            var unquoted = string.Concat(code.Split('"').Where((_, i) => i % 2 == 0));
            if (format.NumberFormatId?.Value is { } id && unquoted.Contains('%', StringComparison.Ordinal))
            {
                percentFormats.Add(id);
            }
        }

        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (xf.NumberFormatId?.Value is { } id && percentFormats.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    // "AB12" → 27 (0-based column of AB).
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = column * 26 + (c - 'A' + 1);
        }

        return Math.Max(column - 1, 0);
    }
}
