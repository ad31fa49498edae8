using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.ValueFiles;
using static Network.Node.Tests.Support.ValueFileSamples;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.Node.Tests.Import;

public sealed class XlsxImportTests : IDisposable
{
    private static readonly object?[] Header = ["kpi", "dataPoint", "value", "unit", "quality", "origin", "source", "note"];
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Numeric_cells_are_read_as_numbers_and_text_cells_as_text()
    {
        var result = Import(
            Header,
            ["EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", "unknown", "Trondheim kommune", "UNECE profile", "no reference year"],
            ["EC-ICT-ICT-4C", "4G", 99.8, "%", "measured", "Telenor", "coverage map", null],
            ["EC-ICT-ICT-5C", null, 120, "hotspots", "measured", "Trondheim kommune", "wifi register", null]);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(
            [
                new KpiValue("EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", DataQuality.Unknown, "Trondheim kommune", "UNECE profile", "no reference year"),
                new KpiValue("EC-ICT-ICT-4C", "4G", 99.8, "%", DataQuality.Measured, "Telenor", "coverage map"),
                new KpiValue("EC-ICT-ICT-5C", null, 120, "hotspots", DataQuality.Measured, "Trondheim kommune", "wifi register"),
            ],
            result.Value);
    }

    [Fact]
    public void Numbers_typed_as_text_are_read_like_CSV_cells()
    {
        var result = Import(Header, ["EC-P-EM-1C", null, "1,34", "%", "measured", "a", "b", null]);

        Assert.Equal(1.34, Assert.Single(result.Value).Value);
    }

    [Fact]
    public void The_sheet_named_Values_is_read_when_the_workbook_has_several()
    {
        var path = Xlsx(_directory, [["Read me first"], ["This sheet explains things."]], sheetName: "Instructions",
            moreSheets: [("Values", [Header, ["EC-P-EM-1C", null, 1.34, "%", "measured", "a", "b", null]])]);

        var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.Equal("EC-P-EM-1C", Assert.Single(result.Value).Kpi);
    }

    [Fact]
    public void Each_kind_of_error_is_reported_at_its_row()
    {
        var result = Import(
            Header,
            ["EC-P-EM-1C", null, 1.34, "%", "measured", "a", "b", null],
            ["EC-P-EM-9C", null, 1, "%", "measured", "a", "b", null],
            ["SC-EH-H-3C", null, 87.78, "per 100000", "measured", "a", "b", null],
            ["EC-P-EM-2C", null, "n/a", "%", "measured", "a", "b", null],
            ["EC-P-EM-3A", null, 120, "%", "measured", "a", "b", null],
            ["EC-P-EM-4A", null, 3, "%", "guessed", "a", "b", null],
            ["EC-I-WS-1C", null, 99, "%", "measured", null, "b", null],
            ["EN-EN-AQ-1C", null, 9, "ug/m3", "measured", "a", "b", null],
            ["EC-P-EM-1C", null, 1.4, "%", "measured", "a", "b", null]);

        Assert.False(result.Success); // nothing imports: the values are not there to read
        Assert.Equal(
            [(3, "kpi"), (4, "unit"), (5, "value"), (6, "value"), (7, "quality"), (8, "origin"), (9, "dataPoint"), (10, "kpi")],
            result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("reported in 'physicians per 100,000 inhabitants'", result.Failures[1].Message, StringComparison.Ordinal);
        Assert.Contains("already reported at line 2", result.Failures[7].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_is_reported_on_the_header_row()
    {
        var result = Import(["kpi", "value", "unit", "quality", "origin"], ["EC-P-EM-1C", 1.34, "%", "measured", "a"]);

        var error = Assert.Single(result.Failures);
        Assert.Equal((1, "source"), (error.Line, error.Column));
    }

    [Fact]
    public void A_cell_formatted_as_a_percentage_is_refused_with_what_it_shows()
    {
        var result = Import(Header, ["EC-ICT-ICT-1C", null, new Percent(0.98), "%", "measured", "a", "b", null]);

        var error = Assert.Single(result.Failures);
        Assert.Equal((2, "value"), (error.Line, error.Column));
        Assert.Contains("formatted as a percentage in Excel: it shows 98 % but holds 0.98", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Excel_error_cell_is_reported()
    {
        var result = Import(Header, ["EC-P-EM-1C", null, new ExcelError("#DIV/0!"), "%", "measured", "a", "b", null]);

        var error = Assert.Single(result.Failures);
        Assert.Equal((2, "value"), (error.Line, error.Column));
        Assert.Contains("#DIV/0!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported_for_the_file_as_a_whole()
    {
        var path = _directory.File("values.xlsx");
        File.WriteAllText(path, "kpi,value\nEC-P-EM-1C,1.34\n");

        var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-5001", _clock);

        var error = Assert.Single(result.Failures);
        Assert.Equal(0, error.Line);
        Assert.Contains("values.xlsx is not a readable Excel workbook (.xlsx)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_worksheet_is_reported()
    {
        var result = Import();

        Assert.Contains("is empty", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_xls_file_is_refused_with_the_fix()
    {
        var path = _directory.File("values.xls");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0]);

        var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.Contains("old Excel 97-2003 format", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    private ImportResult Import(params object?[][] rows) =>
        ValueFile.Read(Xlsx(_directory, rows), 2020, SnapshotStatus.Final, "NO-5001", _clock);
}
