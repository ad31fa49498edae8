using System.Text;
using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.ValueFiles;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.Node.Tests.Import;

/// <summary>What a CSV value file may look like: encodings, separators, quoting, number formats, column order, blank rows.</summary>
public sealed class CsvFileFormatTests : IDisposable
{
    private const string Unemployment = "EC-P-EM-1C,,1.34,%,measured,Trondheim kommune,SSB table 08517,";
    private const string Youth = "EC-P-EM-2C,,1.32,%,survey-extrapolated,Trondheim kommune,SSB table 08517,seasonally adjusted";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Imports_every_row_with_a_value_in_file_order()
    {
        var result = Import(ValueFileSamples.Header, Unemployment, Youth);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(
            [
                new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "SSB table 08517"),
                new KpiValue("EC-P-EM-2C", null, 1.32, "%", DataQuality.SurveyExtrapolated, "Trondheim kommune", "SSB table 08517", "seasonally adjusted"),
            ],
            result.Value);
    }

    [Fact]
    public void Rows_whose_value_cell_is_empty_are_skipped()
    {
        var result = Import(ValueFileSamples.Header, "EC-P-EM-3A,,,%,,,,", Unemployment, "EC-P-EM-4A,,  ,%,measured,,,");

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal("EC-P-EM-1C", Assert.Single(result.Value).Kpi);
    }

    [Fact]
    public void Header_names_are_case_insensitive_column_order_is_free_and_informational_columns_are_ignored()
    {
        var result = Import(
            "Source,ORIGIN,name,Quality,Unit,Value,KPI,unitDescription,definition,dataPoints",
            "SSB,Trondheim kommune,Unemployment Rate,measured,%,1.34,EC-P-EM-1C,% of the labour force,anything,");

        Assert.Equal(new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "SSB"), Assert.Single(result.Value));
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        var path = _directory.File("empty.csv");
        File.WriteAllBytes(path, []);

        var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-5001", _clock);

        var error = Assert.Single(result.Failures);
        Assert.Equal(0, error.Line);
        Assert.Contains("empty.csv is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_refused_with_the_fix()
    {
        var path = _directory.File("latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(ValueFileSamples.Header + "\n"), .. Encoding.Latin1.GetBytes("EC-P-EM-1C,,1.34,%,measured,Bærum kommune,SSB,\n")]);

        var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-3024", _clock);

        var error = Assert.Single(result.Failures);
        Assert.Equal(2, error.Line);
        Assert.Contains("is not UTF-8 text. In Excel, save it as 'CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UTF8_with_byte_order_mark_and_UTF16_are_read()
    {
        var text = ValueFileSamples.Header + "\r\nEC-P-EM-1C,,1.34,%,measured,Bærum kommune,SSB,\r\n";
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), Encoding.Unicode })
        {
            var path = _directory.File($"{encoding.WebName}.csv");
            File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

            var result = ValueFile.Read(path, 2020, SnapshotStatus.Final, "NO-3024", _clock);

            Assert.Equal("Bærum kommune", Assert.Single(result.Value).Origin);
        }
    }

    [Fact]
    public void Stray_quote_is_reported_at_its_line()
    {
        var result = Import(ValueFileSamples.Header, Unemployment, "EC-P-EM-2C,,1.32,%,measured,a,the 5\" report,");

        var error = Assert.Single(result.Failures);
        Assert.Equal((3, null), (error.Line, error.Column));
        Assert.Contains("quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_cells_may_hold_separators_quotes_and_line_breaks_and_later_lines_keep_their_numbers()
    {
        var result = Import(
            ValueFileSamples.Header,
            "EC-P-EM-1C,,1.34,%,measured,\"Trondheim kommune, Byplankontoret\",\"the \"\"green\"\" plan\",\"first line",
            "second line\"",
            "EC-P-EM-2C,,-1,%,measured,a,b,");

        AssertOnly(result, 4, "value", "found -1");
    }

    [Fact]
    public void Cells_beyond_the_header_are_reported()
    {
        var result = Import("kpi,value,unit,quality,origin,source", "EC-ICT-ICT-5C,1,000,hotspots,measured,a,b");

        Assert.Contains(result.Failures, e => e.Line == 2 && e.Column is null && e.Message.Contains("7 cells but the header has 6", StringComparison.Ordinal));
        Assert.False(result.Success); // nothing imports: the values are not there to read
    }

    [Fact]
    public void Decimal_comma_is_accepted_in_a_semicolon_separated_file()
    {
        var result = Import("kpi;dataPoint;value;unit;quality;origin;source;note", "EC-P-EM-1C;;1,34;%;measured;Trondheim kommune;SSB;");

        Assert.Equal(1.34, Assert.Single(result.Value).Value);
    }

    [Fact]
    public void Decimal_comma_in_a_quoted_cell_of_a_comma_separated_file_is_accepted()
    {
        var result = Import(ValueFileSamples.Header, "EN-EN-AQ-2C,,\"2,46\",tCO2e per capita per year,measured,a,b,");

        Assert.Equal(2.46, Assert.Single(result.Value).Value);
    }

    [Theory]
    [InlineData("\"1,000\"", "ambiguous")]
    [InlineData("98%", "without the % sign")]
    [InlineData("1 234", "spaces or separators between its digits")]
    public void Numbers_written_in_ways_that_could_mislead_are_refused(string cell, string expected)
    {
        var result = Import(ValueFileSamples.Header, $"EC-ICT-ICT-1C,,{cell},%,measured,a,b,");

        AssertOnly(result, 2, "value", expected);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var result = ValueFile.Read(_directory.File("nowhere.csv"), 2020, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.Contains("does not exist", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_is_recognised()
    {
        var xlsx = ValueFileSamples.Xlsx(_directory, [["kpi"]]);
        var csv = _directory.File("really-a-workbook.csv");
        File.Copy(xlsx, csv);

        var result = ValueFile.Read(csv, 2020, SnapshotStatus.Final, "NO-5001", _clock);

        Assert.Contains("is an Excel workbook (XLSX), not a CSV file", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sample_city_file_imports()
    {
        var cities = Path.Combine(RepositoryRoot.Path, "nodes", "cities");
        var files = Directory.GetFiles(cities, "*-*.csv");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var period = int.Parse(Path.GetFileNameWithoutExtension(file).Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var result = ValueFile.Read(file, period, SnapshotStatus.Final, "NO-5001", _clock);
            Assert.True(result.Success, $"{Path.GetFileName(file)}:\n{string.Join('\n', result.Failures)}");
        }
    }


    private ImportResult Import(params string[] lines) =>
        ValueFile.Read(ValueFileSamples.Csv(_directory, lines), 2020, SnapshotStatus.Final, "NO-5001", _clock);

    private static void AssertOnly(ImportResult result, int line, string? column, string containing)
    {
        var error = Assert.Single(result.Failures);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(containing, error.Message, StringComparison.Ordinal);
        Assert.False(result.Success); // nothing imports: the values are not there to read
    }
}
