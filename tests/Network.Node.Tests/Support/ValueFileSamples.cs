using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Network.Node.Tests.Support;

/// <summary>Value files written the way analysts' tools write them: CSV text, and XLSX with shared strings and numeric cells.</summary>
public static class ValueFileSamples
{
    public const string Header = "kpi,dataPoint,value,unit,quality,origin,source,note";

    /// <summary>A CSV file of <paramref name="lines"/> (header included), UTF-8 without BOM, LF line ends.</summary>
    public static string Csv(TempDirectory directory, params string[] lines)
    {
        var path = directory.File($"values-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// An XLSX workbook with one sheet (<paramref name="sheetName"/>) holding <paramref name="rows"/> from row 1:
    /// strings as shared strings, doubles as numeric cells, null as no cell. Cells given as <see cref="Percent"/> are
    /// numeric cells formatted as a percentage; <see cref="ExcelError"/> an error cell.
    /// </summary>
    public static string Xlsx(TempDirectory directory, IEnumerable<object?[]> rows, string sheetName = "Sheet1", IEnumerable<(string Name, object?[][] Rows)>? moreSheets = null)
    {
        var path = directory.File($"values-{Guid.NewGuid():N}.xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }) { Count = 2 });
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var id = 1u;
        foreach (var (name, sheetRows) in new[] { (sheetName, rows.ToArray()) }.Concat(moreSheets ?? []))
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheetRows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < sheetRows[r].Length; c++)
                {
                    if (Cell(sheetRows[r][c], $"{(char)('A' + c)}{r + 1}", strings.SharedStringTable) is { } cell)
                    {
                        row.Append(cell);
                    }
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
        }

        workbook.Workbook.Save();
        return path;
    }

    /// <summary>A numeric XLSX cell formatted as a percentage (Excel's 0%): stores <see cref="Value"/>, shows Value × 100 %.</summary>
    public sealed record Percent(double Value);

    /// <summary>An XLSX error cell such as #DIV/0!.</summary>
    public sealed record ExcelError(string Code);

    private static Cell? Cell(object? value, string reference, SharedStringTable strings) => value switch
    {
        null => null,
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i) },
        Percent p => new Cell { CellReference = reference, CellValue = new CellValue(p.Value), StyleIndex = 1 },
        ExcelError e => new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(e.Code) },
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Share(strings, s)) },
        _ => throw new ArgumentException($"No XLSX cell for {value.GetType()}."),
    };

    private static int Share(SharedStringTable table, string text)
    {
        var index = 0;
        foreach (var item in table.Elements<SharedStringItem>())
        {
            if (item.Text?.Text == text)
            {
                return index;
            }

            index++;
        }

        table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return index;
    }
}
