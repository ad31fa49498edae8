using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.ValueFiles;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.Node.Tests.Import;

/// <summary>Each kind of error in a CSV value file, reported at its line and column; nothing imported when there is one.</summary>
public sealed class CsvRowErrorTests : IDisposable
{
    private const string Unemployment = "EC-P-EM-1C,,1.34,%,measured,Trondheim kommune,SSB table 08517,";
    private const string Youth = "EC-P-EM-2C,,1.32,%,survey-extrapolated,Trondheim kommune,SSB table 08517,seasonally adjusted";
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Unknown_kpi_is_reported_at_its_line()
    {
        var result = Import(ValueFileSamples.Header, Unemployment, "EC-P-EM-9C,,1,%,measured,a,b,");

        AssertOnly(result, 3, "kpi", "'EC-P-EM-9C' is not a U4SSC KPI code");
    }

    [Fact]
    public void Wrong_unit_names_the_expected_symbol()
    {
        var result = Import(ValueFileSamples.Header, "SC-EH-H-3C,,87.78,per 100000,measured,a,b,");

        AssertOnly(result, 2, "unit", "reported in 'physicians per 100,000 inhabitants', not 'per 100000'");
    }

    [Fact]
    public void Value_that_is_not_a_number_is_reported_with_the_fix()
    {
        var result = Import(ValueFileSamples.Header, Unemployment, "EC-P-EM-2C,,about two,%,measured,a,b,");

        AssertOnly(result, 3, "value", "'about two' is not a number. Write it with a decimal point");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void Value_that_is_not_finite_is_refused(string value)
    {
        var result = Import(ValueFileSamples.Header, $"EN-EN-AQ-2C,,{value},tCO2e per capita per year,measured,a,b,");

        var error = Assert.Single(result.Failures);
        Assert.Equal((2, "value"), (error.Line, error.Column));
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.False(result.Success); // nothing imports: the values are not there to read
    }

    [Theory]
    [InlineData("EC-P-EM-3A,,120,%", "between 0 and 100; found 120")]
    [InlineData("EC-ICT-ICT-5C,,2.5,hotspots", "a whole number of at least 0; found 2.5")]
    [InlineData("SC-SH-SA-3A,,2,yes/no", "a whole number between 0 and 1; found 2")]
    [InlineData("EN-EN-WS-2C,,-4,litres per capita per day", "at least 0; found -4")]
    public void Value_outside_its_units_range_is_reported(string cells, string expected)
    {
        var result = Import(ValueFileSamples.Header, Unemployment, $"{cells},measured,a,b,");

        AssertOnly(result, 3, "value", expected);
    }

    [Fact]
    public void Quality_that_is_not_a_data_quality_class_is_reported()
    {
        var result = Import(ValueFileSamples.Header, "EC-P-EM-1C,,1.34,%,estimated,a,b,", "EC-P-EM-2C,,1.32,%,,a,b,");

        Assert.Equal(
            [(2, "quality"), (3, "quality")],
            result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("'estimated' is not a data-quality class. Write one of measured, survey-extrapolated", result.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("The quality cell is empty", result.Failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quality_is_read_in_any_case()
    {
        var result = Import(ValueFileSamples.Header, "EC-P-EM-1C,,1.34,%, Measured ,a,b,");

        Assert.Equal(DataQuality.Measured, Assert.Single(result.Value).Quality);
    }

    [Fact]
    public void Missing_origin_and_source_are_reported()
    {
        var result = Import(ValueFileSamples.Header, "EC-P-EM-1C,,1.34,%,measured,,  ,");

        Assert.Equal([(2, "origin"), (2, "source")], result.Failures.Select(e => (e.Line, e.Column)));
        Assert.All(result.Failures, e => Assert.Contains("must not be empty", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_row_says_which_line_it_duplicates()
    {
        var result = Import(ValueFileSamples.Header, Unemployment, Youth, "EC-P-EM-1C,,1.4,%,measured,a,b,");

        AssertOnly(result, 4, "kpi", "EC-P-EM-1C is already reported at line 2");
    }

    [Fact]
    public void Data_point_that_is_missing_unknown_or_superfluous_is_reported()
    {
        var result = Import(
            ValueFileSamples.Header,
            "EN-EN-AQ-1C,,9,ug/m3,measured,a,b,",
            "EN-EN-AQ-1C,PM1,9,ug/m3,measured,a,b,",
            "EN-EN-AQ-1C,PM10,9,ug/m3,measured,a,b,",
            "EC-P-EM-1C,total,1.34,%,measured,a,b,");

        Assert.Equal([(2, "dataPoint"), (3, "dataPoint"), (5, "dataPoint")], result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("is reported per data point; name one of: PM10, PM2.5, NO2, SO2, O3", result.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("'PM1' is not a data point of EN-EN-AQ-1C", result.Failures[1].Message, StringComparison.Ordinal);
        Assert.Contains("is reported as one number; remove 'dataPoint'", result.Failures[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_data_point_is_its_own_value()
    {
        var result = Import(ValueFileSamples.Header, "EC-ICT-ICT-4C,3G,99.9,%,measured,a,b,", "EC-ICT-ICT-4C,4G,99.8,%,measured,a,b,");

        Assert.Equal(["3G", "4G"], result.Value.Select(v => v.DataPoint));
    }

    [Fact]
    public void Missing_required_columns_are_reported_on_the_header_line()
    {
        var result = Import("kpi,value,unit,note", "EC-P-EM-1C,1.34,%,");

        Assert.Equal([(1, "quality"), (1, "origin"), (1, "source")], result.Failures.Select(e => (e.Line, e.Column)));
        Assert.All(result.Failures, e => Assert.Contains("The header has no", e.Message, StringComparison.Ordinal));
        Assert.False(result.Success); // nothing imports: the values are not there to read
    }

    [Fact]
    public void Unknown_or_repeated_column_is_reported_on_the_header_line()
    {
        var result = Import("kpi,dataPoint,value,unit,quality,origin,source,comment,Value", Unemployment);

        Assert.Equal([(1, "value"), (1, "comment")], result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("appears twice", result.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("'comment' is not a column of the value file format", result.Failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_header_row_says_so()
    {
        var result = Import(Unemployment);

        Assert.Equal(1, result.Failures[0].Line);
        Assert.Contains("The first line is not a header row", result.Failures[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_without_any_value_imports_nothing_and_says_why()
    {
        var result = Import(ValueFileSamples.Header, "EC-P-EM-1C,,,%,,,,", "EC-P-EM-2C,,,%,,,,");

        var error = Assert.Single(result.Failures);
        Assert.Equal(0, error.Line);
        Assert.Contains("has no values: the value cell of every row is empty (2 rows)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_row_among_good_ones_imports_nothing_and_every_error_is_reported()
    {
        var result = Import(
            ValueFileSamples.Header,
            Unemployment,
            "EC-P-EM-2C,,x,percent,guess,,,",
            Youth.Replace("EC-P-EM-2C", "EC-P-EM-3A", StringComparison.Ordinal),
            "NOPE,,1,%,measured,a,b,");

        Assert.False(result.Success); // nothing imports: the values are not there to read
        Assert.False(result.Success);
        Assert.Equal(
            [(3, "value"), (3, "unit"), (3, "quality"), (3, "origin"), (3, "source"), (5, "kpi")],
            result.Failures.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Period_outside_the_accepted_years_is_reported_for_the_file_as_a_whole()
    {
        var result = ValueFile.Read(ValueFileSamples.Csv(_directory, ValueFileSamples.Header, Unemployment), 1980, SnapshotStatus.Final, "NO-5001", _clock);

        var error = Assert.Single(result.Failures);
        Assert.Equal((0, null), (error.Line, error.Column));
        Assert.Contains("The period 1980 is not a reporting year between 1990 and 2026. Give the reporting year with --period", error.Message, StringComparison.Ordinal);
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
