using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.Node.Workspace.Templates;
using Network.ValueFiles;

namespace Network.Node.Tests.Templates;

public sealed class TemplateRoundTripTests : IDisposable
{
    // Some KPIs reported as one number, and some data points of KPIs reported in parts.
    private static readonly (string Kpi, string? DataPoint, double Value, string Quality)[] Filled =
    [
        ("EC-ICT-ICT-1C", null, 98, "survey-extrapolated"),
        ("EC-ICT-ICT-4C", "4G", 99.8, "measured"),
        ("EC-I-UP-2A", "compact", 1, "personal-estimate"),
        ("EN-EN-AQ-1C", "PM2.5", 6.1, "measured"),
        ("EN-EN-AQ-2C", null, 2.46, "unknown"),
        ("SC-EH-H-3C", null, 87.78, "higher-level-extrapolated"),
        ("SC-SH-FS-1A", null, 0.5, "assumption-estimated"),
    ];

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Template_has_a_row_for_every_kpi_and_every_data_point_with_its_unit()
    {
        var rows = ValueTemplate.Rows();

        var catalogue = KpiCatalogue.Default;
        Assert.Equal(catalogue.All.Sum(k => Math.Max(1, k.DataPoints.Count)), rows.Count);
        Assert.Equal(catalogue.All.Select(k => k.Code), rows.Select(r => r.Kpi).Distinct());
        Assert.All(rows, r => Assert.Equal(catalogue[r.Kpi].Unit.Symbol, r.Unit));
        Assert.Equal(["PM10", "PM2.5", "NO2", "SO2", "O3"], rows.Where(r => r.Kpi == "EN-EN-AQ-1C").Select(r => r.DataPoint));
    }

    [Fact]
    public void Filled_in_CSV_template_imports_the_filled_rows()
    {
        var path = _directory.File("template.csv");
        ValueTemplate.Write(path, TemplateFormat.Csv);

        FillCsv(path);
        var result = ValueFile.Read(path, 2024, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(Expected(), result.Value);
    }

    [Fact]
    public void Filled_in_XLSX_template_imports_the_filled_rows()
    {
        var path = _directory.File("template.xlsx");
        ValueTemplate.Write(path, TemplateFormat.Xlsx);

        FillXlsx(path);
        var result = ValueFile.Read(path, 2024, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(Expected(), result.Value);
    }

    [Theory]
    [InlineData(TemplateFormat.Csv, "template.csv")]
    [InlineData(TemplateFormat.Xlsx, "template.xlsx")]
    public void Template_left_empty_imports_nothing_and_says_why(TemplateFormat format, string name)
    {
        var path = _directory.File(name);
        ValueTemplate.Write(path, format);

        var result = ValueFile.Read(path, 2024, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.Contains($"has no values: the value cell of every row is empty ({ValueTemplate.Rows().Count} rows)", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    private static List<KpiValue> Expected() =>
        ValueTemplate.Rows()
            .Select(r => (Row: r, Fill: Filled.FirstOrDefault(f => f.Kpi == r.Kpi && f.DataPoint == r.DataPoint)))
            .Where(x => x.Fill.Kpi is not null)
            .Select(x => new KpiValue(x.Row.Kpi, x.Row.DataPoint, x.Fill.Value, x.Row.Unit,
                WireNames.TryParseQuality(x.Fill.Quality, out var q) ? q : throw new InvalidOperationException(),
                "Trondheim kommune", $"Source of {x.Row.Kpi}", x.Fill.Kpi == "SC-SH-FS-1A" ? "a rough estimate" : null))
            .ToList();

    // As an analyst would: read the template with a CSV library, type into some rows' cells, save.
    private static void FillCsv(string path)
    {
        var rows = new List<string[]>();
        using (var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false }))
        {
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToArray());
            }
        }

        var columns = rows[0].ToList();
        foreach (var row in rows.Skip(1))
        {
            var fill = Filled.FirstOrDefault(f => f.Kpi == row[columns.IndexOf("kpi")] && f.DataPoint == NullIfEmpty(row[columns.IndexOf("dataPoint")]));
            if (fill.Kpi is null)
            {
                continue;
            }

            row[columns.IndexOf("value")] = fill.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row[columns.IndexOf("quality")] = fill.Quality;
            row[columns.IndexOf("origin")] = "Trondheim kommune";
            row[columns.IndexOf("source")] = $"Source of {fill.Kpi}";
            row[columns.IndexOf("note")] = fill.Kpi == "SC-SH-FS-1A" ? "a rough estimate" : "";
        }

        using var output = File.Create(path);
        using var writer = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true });
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                writer.WriteField(cell);
            }

            writer.EndRecord();
        }
    }

    // As Excel would store it: numbers in numeric cells, text in shared strings.
    private static void FillXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Values");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? "").ToList();
        string Letter(string column) => ((char)('A' + header.IndexOf(column))).ToString();

        foreach (var row in rows.Skip(1))
        {
            string? Text(string column) => row.Elements<Cell>().FirstOrDefault(c => c.CellReference == $"{Letter(column)}{row.RowIndex}")?.InlineString?.Text?.Text;
            var fill = Filled.FirstOrDefault(f => f.Kpi == Text("kpi") && f.DataPoint == Text("dataPoint"));
            if (fill.Kpi is null)
            {
                continue;
            }

            Set(row, Letter("value"), new CellValue(fill.Value), null);
            Set(row, Letter("quality"), Share(strings, fill.Quality), CellValues.SharedString);
            Set(row, Letter("origin"), Share(strings, "Trondheim kommune"), CellValues.SharedString);
            Set(row, Letter("source"), Share(strings, $"Source of {fill.Kpi}"), CellValues.SharedString);
            if (fill.Kpi == "SC-SH-FS-1A")
            {
                Set(row, Letter("note"), Share(strings, "a rough estimate"), CellValues.SharedString);
            }
        }

        part.Worksheet.Save();
    }

    private static void Set(Row row, string letter, CellValue value, CellValues? type)
    {
        var cell = row.Elements<Cell>().Single(c => c.CellReference == $"{letter}{row.RowIndex}");
        cell.InlineString = null;
        cell.DataType = type;
        cell.CellValue = value;
    }

    private static CellValue Share(SharedStringTablePart strings, string text)
    {
        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
        return new CellValue(strings.SharedStringTable.ChildElements.Count - 1);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
