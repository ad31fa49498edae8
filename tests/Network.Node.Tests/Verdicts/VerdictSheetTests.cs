using System.Text;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.ValueFiles;
using ReadResult = Network.Contracts.Results.Result<Network.ValueFiles.FilledVerdictSheet, Network.ValueFiles.ImportError>;

namespace Network.Node.Tests.Verdicts;

/// <summary>
/// The verifier's verdict sheet: written prefilled from a snapshot (facts on lines 1-4, an empty line 5, the header on
/// line 6, the values from line 7), read back into verdicts bound to the signed values and questions for the city,
/// and every mistake reported at its line and column with nothing read.
/// </summary>
public sealed class VerdictSheetTests : IDisposable
{
    private const int FirstValueLine = 7;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static JudgedSnapshot Trondheim { get; } = new(
        Guid.Parse("0b7f5c3e-1d2a-4c8e-9f00-5a1e2b3c4d5e"),
        "sha256-TrondheimDigestTrondheimDigestTrondheimDig",
        "NO-5001",
        2020,
        [
            new KpiValue("EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", DataQuality.Unknown, "Trondheim kommune", "UNECE profile", "no reference year"),
            new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "SSB table 08517"),
            new KpiValue("SC-EH-H-3C", null, 87.78, "physicians per 100,000 inhabitants", DataQuality.Measured, "Trondheim kommune", "SSB"),
            new KpiValue("EC-ICT-ICT-4C", "4G", 99.8, "%", DataQuality.Measured, "Telenor", "coverage map, \"2020\" edition"),
            new KpiValue("EC-ICT-ICT-4C", "3G", 0.1 + 0.2, "%", DataQuality.Measured, "Telenor", "coverage map"),
        ]);

    [Fact]
    public void Written_sheet_names_the_snapshot_and_holds_every_value_with_empty_verdict_cells()
    {
        var lines = WrittenCsv();

        Assert.Equal(["snapshotId,0b7f5c3e-1d2a-4c8e-9f00-5a1e2b3c4d5e", $"snapshotDigest,{Trondheim.Digest}", "cityId,NO-5001", "period,2020", "\"\""], lines[..5]); // the empty line between facts and table, as one empty cell
        Assert.Equal("kpi,name,dataPoint,value,unit,quality,origin,source,note,verdict,reason,question", lines[5]);
        Assert.StartsWith("EN-EN-AQ-2C,", lines[6], StringComparison.Ordinal);
        Assert.EndsWith(",2.46,tCO2e per capita per year,unknown,Trondheim kommune,UNECE profile,no reference year,,,", lines[6], StringComparison.Ordinal);
        Assert.Equal(FirstValueLine + Trondheim.Values.Count - 1, lines.Length);
    }

    [Fact]
    public void Written_CSV_and_XLSX_sheets_read_back_as_the_snapshot_they_judge()
    {
        foreach (var name in new[] { "sheet.csv", "sheet.xlsx" })
        {
            var path = _directory.File(name);
            VerdictSheet.Write(path, Trondheim);

            var read = VerdictSheet.ReadSnapshot(path);

            Assert.True(read.Success, string.Join('\n', read.Failures));
            Assert.Equal(Trondheim with { Values = [] }, read.Value with { Values = [] });
            Assert.Equal(Trondheim.Values, read.Value.Values); // 0.1 + 0.2 too: the numbers travel exactly
        }
    }

    [Fact]
    public void A_filled_CSV_sheet_reads_as_verdicts_bound_to_the_signed_values_and_questions_for_the_city()
    {
        var lines = WrittenCsv();
        Fill(lines, 0, "verified");
        Fill(lines, 1, "not-verified", "SSB table 08517 gives 1.43 for 2020");
        Fill(lines, 2, "Question", question: "Which year do the physicians count, 2019 or 2020?");
        Fill(lines, 4, "Not verified", "3G was switched off in 2020");

        var result = ReadCsv(lines);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(
            [
                new Verdict("EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", VerdictOutcome.Verified),
                new Verdict("EC-P-EM-1C", null, 1.34, "%", VerdictOutcome.NotVerified, "SSB table 08517 gives 1.43 for 2020"),
                new Verdict("SC-EH-H-3C", null, 87.78, "physicians per 100,000 inhabitants", VerdictOutcome.Question),
                new Verdict("EC-ICT-ICT-4C", "3G", 0.1 + 0.2, "%", VerdictOutcome.NotVerified, "3G was switched off in 2020"),
            ],
            result.Value.Verdicts);
        Assert.All(result.Value.Verdicts, v => Assert.Single(Trondheim.Values, v.Binds));
        Assert.Equal([new SheetQuestion("SC-EH-H-3C", null, "Which year do the physicians count, 2019 or 2020?")], result.Value.Questions);
    }

    [Fact]
    public void A_filled_XLSX_sheet_reads_with_numeric_cells_as_the_values()
    {
        var path = ValueFileSamples.Xlsx(_directory, WorkbookRows(["EC-P-EM-1C", null, null, 1.34, "%", "measured", "a", "b", null, "verified", null, null]), sheetName: VerdictSheet.SheetName);

        var result = VerdictSheet.Read(path, Trondheim);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(new Verdict("EC-P-EM-1C", null, 1.34, "%", VerdictOutcome.Verified), Assert.Single(result.Value.Verdicts));
    }

    [Fact]
    public void A_sheet_saved_by_a_Norwegian_Excel_with_semicolons_and_decimal_commas_reads_the_same()
    {
        var text = string.Join('\n',
            "snapshotId;0b7f5c3e-1d2a-4c8e-9f00-5a1e2b3c4d5e", $"snapshotDigest;{Trondheim.Digest}", "cityId;NO-5001", "period;2020", "",
            "kpi;name;dataPoint;value;unit;quality;origin;source;note;verdict;reason;question",
            "EN-EN-AQ-2C;CO2 emissions;;2,46;tCO2e per capita per year;unknown;Trondheim kommune;UNECE profile;no reference year;verified;;");

        var result = VerdictSheet.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "verdicts.csv", Trondheim);

        Assert.True(result.Success, string.Join('\n', result.Failures));
        Assert.Equal(2.46, Assert.Single(result.Value.Verdicts).Value);
    }

    [Fact]
    public void Each_kind_of_mistake_is_reported_at_its_line_and_column_and_nothing_is_read()
    {
        var lines = WrittenCsv();
        Fill(lines, 0, "approved");
        Fill(lines, 1, "not-verified");
        Fill(lines, 2, "question");
        lines[At(10)] = lines[At(10)].Replace(",99.8,", ",98.8,", StringComparison.Ordinal);
        Fill(lines, 3, "verified");
        lines[At(11)] = lines[At(11)].Replace(",%,", ",percent,", StringComparison.Ordinal);
        Fill(lines, 4, "verified");
        var withDuplicate = lines.Append(lines[At(9)]).Append("EC-P-EM-2C,,1.32,%,,,,,,verified,,").ToArray();

        var result = ReadCsv(withDuplicate);

        Assert.False(result.Success);
        Assert.Equal(
            [(7, "verdict"), (8, "reason"), (9, "question"), (10, "value"), (11, "unit"), (12, "kpi"), (13, "kpi")],
            result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("'approved' is not a verdict. Write one of verified, not-verified, question", result.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("not verified needs the reason", result.Failures[1].Message, StringComparison.Ordinal);
        Assert.Contains("the question cell is empty", result.Failures[2].Message, StringComparison.Ordinal);
        Assert.Contains("the snapshot holds 99.8", result.Failures[3].Message, StringComparison.Ordinal);
        Assert.Contains("in '%', the sheet says 'percent'", result.Failures[4].Message, StringComparison.Ordinal);
        Assert.Contains("SC-EH-H-3C is already on line 9", result.Failures[5].Message, StringComparison.Ordinal);
        Assert.Contains("The snapshot holds no value for EC-P-EM-2C", result.Failures[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_without_the_verdict_question_is_refused_at_the_cell_to_change()
    {
        var lines = WrittenCsv();
        Fill(lines, 0, "verified", question: "Is this per capita?");
        Fill(lines, 1, "", question: "Which table?");

        var result = ReadCsv(lines);

        Assert.Equal([(7, "question"), (8, "verdict")], result.Failures.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void A_sheet_of_another_snapshot_is_refused_at_the_fact_that_differs()
    {
        var lines = WrittenCsv();
        Fill(lines, 0, "verified");

        var result = ReadCsv(lines, Trondheim with { Digest = "sha256-AnotherDigestAnotherDigestAnotherDigestAno" });

        var error = Assert.Single(result.Failures);
        Assert.Equal((2, "snapshotDigest"), (error.Line, error.Column));
        Assert.Contains("Fill in the sheet of that snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_without_a_single_verdict_is_refused_as_a_whole()
    {
        var result = ReadCsv(WrittenCsv());

        var error = Assert.Single(result.Failures);
        Assert.Equal((0, "verdict"), (error.Line, error.Column));
        Assert.Contains("every verdict cell is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_file_is_not_taken_for_a_verdict_sheet()
    {
        var result = ReadCsv([ValueFileSamples.Header, "EC-P-EM-1C,,1.34,%,measured,a,b,"]);

        Assert.Equal(
            [(0, "snapshotId"), (0, "snapshotDigest"), (0, "cityId"), (0, "period"), (1, "verdict")],
            result.Failures.Select(e => (e.Line, e.Column)));
        Assert.Contains("The sheet does not say which snapshot it judges: the fact snapshotId is missing", result.Failures[0].Message, StringComparison.Ordinal);
    }

    private static string[] WrittenCsv()
    {
        using var buffer = new MemoryStream();
        VerdictSheet.WriteCsv(buffer, Trondheim);
        return Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
    }

    // The verifier's three cells are the last three of a written value line, left empty by the writer.
    private static void Fill(string[] lines, int value, string verdict, string reason = "", string question = "")
    {
        var line = lines[At(FirstValueLine + value)];
        Assert.EndsWith(",,,", line, StringComparison.Ordinal);
        lines[At(FirstValueLine + value)] = $"{line[..^3]},{Quote(verdict)},{Quote(reason)},{Quote(question)}";
    }

    // The index in the array of the sheet's line number.
    private static int At(int line) => line - 1;

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) ? $"\"{cell}\"" : cell;

    private static ReadResult ReadCsv(string[] lines, JudgedSnapshot? snapshot = null) =>
        VerdictSheet.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "verdicts.csv", snapshot ?? Trondheim);

    private static IEnumerable<object?[]> WorkbookRows(params object?[][] values) =>
        new object?[][]
        {
            ["snapshotId", Trondheim.SnapshotId.ToString()],
            ["snapshotDigest", Trondheim.Digest],
            ["cityId", "NO-5001"],
            ["period", 2020.0],
            [],
            ["kpi", "name", "dataPoint", "value", "unit", "quality", "origin", "source", "note", "verdict", "reason", "question"],
        }.Concat(values);
}
