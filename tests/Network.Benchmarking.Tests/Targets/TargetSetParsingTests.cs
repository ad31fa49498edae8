using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Tests.Targets;

public sealed class TargetSetParsingTests
{
    [Fact]
    public void Reads_targets_with_their_key_value_source_and_note()
    {
        var result = TestTargets.Parse("""
            kpi,dataPoint,target,source,note
            EC-P-EM-1C,,4,"Strategy 2030, p. 12",national goal
            EC-ICT-ICT-4C,4G,99.5,operator licence,
            SC-SH-SI-1C,,1.0,parity,
            """);

        Assert.True(result.Success, string.Join("; ", result.Failures));
        var set = result.Value;
        Assert.Equal(("test", "1", KpiCatalogue.CurrentVersion), (set.Name, set.Version, set.CatalogueVersion));
        Assert.Equal(
            new Target(new KpiKey("EC-P-EM-1C"), Direction.LowerIsBetter, 4, "Strategy 2030, p. 12", "national goal"),
            set.Find(new KpiKey("EC-P-EM-1C")));
        Assert.Equal(99.5, set.Find(new KpiKey("EC-ICT-ICT-4C", "4G"))!.Value);
        Assert.Null(set.Find(new KpiKey("EC-ICT-ICT-4C", "4G"))!.Note);
        Assert.Null(set.Find(new KpiKey("EC-ICT-ICT-4C", "3G")));
        Assert.Equal(Direction.TargetBand, set.Find(new KpiKey("SC-SH-SI-1C"))!.Direction);
        Assert.Equal(3, set.Targets.Count);
    }

    [Fact]
    public void Reports_every_error_at_once_with_its_line_and_column()
    {
        var result = TestTargets.Parse(string.Join('\n',
            "kpi,dataPoint,target,source,note",
            "EC-ICT-ICT-1C,,100,ok,",          // 2: fine
            "EC-XX-1C,,50,src,",               // 3
            "EC-ICT-ICT-4C,,100,src,",         // 4: data point missing
            "EC-ICT-ICT-4C,5G,100,src,",       // 5: no such data point
            "EC-ICT-ICT-1C,4G,100,src,",       // 6: data point on a plain KPI
            "EC-ICT-ICT-2C,,abc,src,",         // 7
            "EC-ICT-ICT-2C,,120,src,",         // 8: above 100 %
            "EC-P-EM-1C,,0,src,",              // 9: not positive
            "EC-I-T-4A,cycling,20,src,",       // 10: no direction
            "EC-ICT-ICT-1C,,95,other,",        // 11: second target
            "EC-P-EM-2C,,4,,",                 // 12
            "EC-P-EM-2C,,4,src",               // 13: four fields
            "",                                // 14: blank lines are skipped
            "EC-ICT-ICT-5C,,12.5,src,"));      // 15: hotspots are whole numbers

        Assert.False(result.Success);
        Assert.Equal(
            [
                (3, "kpi", TargetSetErrorReason.UnknownKpi),
                (4, "dataPoint", TargetSetErrorReason.WrongDataPoint),
                (5, "dataPoint", TargetSetErrorReason.WrongDataPoint),
                (6, "dataPoint", TargetSetErrorReason.WrongDataPoint),
                (7, "target", TargetSetErrorReason.NotANumber),
                (8, "target", TargetSetErrorReason.OutOfRange),
                (9, "target", TargetSetErrorReason.OutOfRange),
                (10, "kpi", TargetSetErrorReason.NotScorable),
                (11, "kpi", TargetSetErrorReason.DuplicateTarget),
                (12, "source", TargetSetErrorReason.MissingSource),
                (13, null, TargetSetErrorReason.MalformedRow),
                (15, "target", TargetSetErrorReason.OutOfRange),
            ],
            result.Failures.Select(e => (e.Line, e.Column, e.Reason)));
        Assert.Equal("line 11, kpi: EC-ICT-ICT-1C already has a target on line 2; a set holds one target per KPI (data point). (DuplicateTarget)",
            result.Failures[8].ToString());
        Assert.Contains("it has 3G, 4G", result.Failures[2].Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", result.Failures[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_several_errors_on_one_line()
    {
        var result = TestTargets.Parse("kpi,dataPoint,target,source,note\nEC-XX-1C,,,,");

        Assert.Equal(
            [TargetSetErrorReason.UnknownKpi, TargetSetErrorReason.NotANumber, TargetSetErrorReason.MissingSource],
            result.Failures.Select(e => e.Reason));
        Assert.All(result.Failures, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void Counts_lines_inside_quoted_fields_so_later_errors_point_at_the_right_line()
    {
        var result = TestTargets.Parse("kpi,dataPoint,target,source,note\r\nEC-ICT-ICT-1C,,100,src,\"a note\r\nover two lines\"\r\nEC-XX-1C,,1,src,\r\n");

        var error = Assert.Single(result.Failures);
        Assert.Equal((4, TargetSetErrorReason.UnknownKpi), (error.Line, error.Reason));
    }

    [Fact]
    public void Refuses_a_quoted_field_that_is_never_closed()
    {
        var error = Assert.Single(TestTargets.Parse("kpi,target,source\nEC-ICT-ICT-1C,100,\"open").Failures);

        Assert.Equal((2, TargetSetErrorReason.MalformedRow), (error.Line, error.Reason));
    }

    [Fact]
    public void Refuses_a_header_without_the_required_columns_or_with_unknown_ones()
    {
        var result = TestTargets.Parse("kpi,value,source,notes\nEC-ICT-ICT-1C,100,src,");

        Assert.Equal(
            [(1, "value", TargetSetErrorReason.UnknownColumn), (1, "notes", TargetSetErrorReason.UnknownColumn), (1, "target", TargetSetErrorReason.MissingColumn)],
            result.Failures.Select(e => (e.Line, e.Column, e.Reason)));
    }

    [Fact]
    public void Accepts_the_columns_in_any_order_in_any_case_with_data_point_and_note_left_out()
    {
        var result = TestTargets.Parse("Source,TARGET,Kpi\n national plan , 4 ,EC-P-EM-1C\n");

        var target = Assert.Single(result.Value.Targets);
        Assert.Equal((new KpiKey("EC-P-EM-1C"), 4.0, "national plan", (string?)null), (target.Key, target.Value, target.Source, target.Note));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kpi,dataPoint,target,source,note\n")]
    [InlineData("kpi,dataPoint,target,source,note\n\n,,,,\n")]
    public void Refuses_a_file_without_targets(string csv)
    {
        var error = Assert.Single(TestTargets.Parse(csv).Failures);

        Assert.Equal(TargetSetErrorReason.NoTargets, error.Reason);
    }

    [Fact]
    public void Refuses_to_hand_out_the_set_of_a_refused_file()
    {
        var result = TestTargets.Parse("kpi,target,source\nEC-XX-1C,1,src");

        var error = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("line 2, kpi: The catalogue u4ssc-2017.1 has no KPI 'EC-XX-1C'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void Refuses_targets_that_are_not_finite_numbers_in_invariant_notation(string target)
    {
        var result = TestTargets.Parse($"kpi,target,source\nEC-P-EM-1C,\"{target}\",src");

        Assert.Equal(TargetSetErrorReason.NotANumber, Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public void Needs_a_name_and_a_version() =>
        Assert.Throws<ArgumentException>(() => TargetSet.Parse(new StringReader("kpi,target,source\nEC-P-EM-1C,4,src"), " ", "1"));
}
