using Network.Contracts.Verification;
using Network.Testing;
using static Network.Testing.SnapshotBuilder;

namespace Network.Contracts.Tests.Verification;

public sealed class ValueTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Theory]
    [InlineData("NaN")]
    [InlineData("1.34")]
    [InlineData("")]
    public async Task Rejects_a_value_written_as_a_string(string text)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["value"] = text).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.NotAFiniteNumber, "$.values[1].value");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public async Task Rejects_a_number_too_large_for_a_double(string literal)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["value"] = JwsBuilder.Raw(literal)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.NotAFiniteNumber, "$.values[1].value");
    }

    [Fact]
    public async Task Rejects_a_value_written_as_a_boolean()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["value"] = true).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.NotAFiniteNumber, "$.values[1].value");
    }

    [Theory]
    [InlineData("EC-ICT-ICT-99C")]
    [InlineData("ec-ict-ict-1c")]
    [InlineData("EC: ICT: ICT: 1C")]
    public async Task Rejects_a_KPI_code_the_catalogue_does_not_have(string code)
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value(code, 50, "%")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownKpi, "$.values[4].kpi");
    }

    [Theory]
    [InlineData("percent")]
    [InlineData(" %")]
    [InlineData("")]
    public async Task Rejects_a_unit_other_than_the_catalogues(string unit)
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", 98.5, unit)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongUnit, "$.values[4].unit");
    }

    [Fact]
    public async Task Reports_the_wrong_unit_and_not_the_range_it_would_imply()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", 0.985, "ratio")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongUnit, "$.values[4].unit");
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-1)]
    [InlineData(-0.0001)]
    public async Task Rejects_a_percentage_outside_0_to_100(double value)
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", value, "%")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.ValueOutOfRange, "$.values[4].value");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task Accepts_a_percentage_at_either_end_of_its_range(double value)
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", value, "%")).Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_a_negative_count()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-5C", -1, "hotspots")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.ValueOutOfRange, "$.values[4].value");
    }

    [Fact]
    public async Task Rejects_a_count_that_is_not_a_whole_number()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-5C", 12.5, "hotspots")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.ValueOutOfRange, "$.values[4].value");
    }

    [Fact]
    public async Task Accepts_a_whole_count_written_with_a_fraction_part()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(Value("EC-ICT-ICT-5C", 12, "hotspots"))
            .Jws()
            .EditValue(4, v => v["value"] = JwsBuilder.Raw("12.0"))
            .Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_a_yes_no_answer_other_than_1_or_0()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("SC-SH-SA-3A", 2, "yes/no")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.ValueOutOfRange, "$.values[4].value");
    }

    [Fact]
    public async Task Rejects_the_same_KPI_reported_twice()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-P-EM-1C", 1.5, "%")).Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertOnly(result, RejectionReason.DuplicateKpi, "$.values[4].kpi");
        Assert.Contains("$.values[1]", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_the_same_KPI_for_two_different_data_points()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(Value("EC-ICT-ICT-4C", 99, "%", "3G"))
            .AddValue(Value("EC-ICT-ICT-4C", 99.9, "%", "4G"))
            .Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_the_same_data_point_reported_twice()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(Value("EN-EN-AQ-1C", 12, "ug/m3", "PM10"))
            .AddValue(Value("EN-EN-AQ-1C", 6, "ug/m3", "PM2.5"))
            .AddValue(Value("EN-EN-AQ-1C", 13, "ug/m3", "PM10"))
            .Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateKpi, "$.values[6].kpi");
    }

    [Fact]
    public async Task Rejects_a_KPI_reported_per_data_point_without_one()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-4C", 99, "%")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidDataPoint, "$.values[4].dataPoint");
    }

    [Theory]
    [InlineData("5G")]
    [InlineData("4g")]
    [InlineData("")]
    public async Task Rejects_a_data_point_the_KPI_does_not_have(string dataPoint)
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-4C", 99, "%", dataPoint)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidDataPoint, "$.values[4].dataPoint");
    }

    [Fact]
    public async Task Rejects_a_data_point_for_a_KPI_reported_as_one_number()
    {
        var jws = _network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", 98.5, "%", "total")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidDataPoint, "$.values[4].dataPoint");
    }

    [Fact]
    public async Task Reads_a_null_data_point_as_none()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["dataPoint"] = null).Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_an_empty_origin_and_an_empty_source()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(Value("EC-ICT-ICT-1C", 98.5, "%") with { Origin = " ", Source = "" })
            .Sign();

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.InvalidField, "$.values[4].origin"),
            (RejectionReason.InvalidField, "$.values[4].source"));
    }

    [Fact]
    public async Task Rejects_a_note_longer_than_4000_characters()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(Value("EC-ICT-ICT-1C", 98.5, "%") with { Note = new string('n', 4_001) })
            .Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.values[4].note");
    }

    public void Dispose() => _network.Dispose();
}
