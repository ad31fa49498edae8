using System.Text.Json.Nodes;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class PayloadShapeTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Rejects_a_payload_field_the_format_does_not_define()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["population"] = 212_660).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownField, "$.population");
    }

    [Fact]
    public async Task Rejects_a_value_field_the_format_does_not_define()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(2, v => v["verified"] = true).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownField, "$.values[2].verified");
    }

    [Fact]
    public async Task Rejects_a_field_whose_name_differs_only_in_case()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p =>
            {
                p["CityId"] = p["cityId"]!.DeepClone();
                p.Remove("cityId");
            })
            .Sign();

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.UnknownField, "$.CityId"),
            (RejectionReason.MissingField, "$.cityId"));
    }

    [Fact]
    public async Task Names_an_unknown_field_with_an_odd_name_in_bracket_notation()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["values.count"] = 4).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownField, "$['values.count']");
    }

    [Theory]
    [InlineData("snapshotId")]
    [InlineData("cityId")]
    [InlineData("period")]
    [InlineData("status")]
    [InlineData("issuedAt")]
    [InlineData("catalogueVersion")]
    [InlineData("values")]
    public async Task Rejects_a_snapshot_missing_a_required_field(string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p.Remove(field)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, $"$.{field}");
    }

    [Theory]
    [InlineData("snapshotId")]
    [InlineData("period")]
    [InlineData("values")]
    public async Task Reads_a_null_required_field_as_missing(string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p[field] = null).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, $"$.{field}");
    }

    [Theory]
    [InlineData("kpi")]
    [InlineData("value")]
    [InlineData("unit")]
    [InlineData("quality")]
    [InlineData("origin")]
    [InlineData("source")]
    public async Task Rejects_a_value_missing_a_required_field(string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v.Remove(field)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, $"$.values[1].{field}");
    }

    [Fact]
    public async Task Reads_the_optional_note_and_data_point()
    {
        var jws = _network.Trondheim.Snapshot()
            .AddValue(SnapshotBuilder.Value("EC-ICT-ICT-4C", 99.9, "%", "4G") with { Note = "Telenor and Telia coverage maps" })
            .Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertAccepted(result);
        Assert.Equal("4G", result.Verified!.Snapshot.Values[4].DataPoint);
        Assert.Equal("Telenor and Telia coverage maps", result.Verified.Snapshot.Values[4].Note);
        Assert.Null(result.Verified.Snapshot.Values[0].Note);
    }

    public static TheoryData<string, string> WrongTypes() => new()
    {
        { "period", "$.period" },
        { "period as a fraction", "$.period" },
        { "period too large for a year", "$.period" },
        { "cityId", "$.cityId" },
        { "snapshotId", "$.snapshotId" },
        { "status", "$.status" },
        { "issuedAt", "$.issuedAt" },
        { "values", "$.values" },
        { "a value", "$.values[1]" },
        { "kpi", "$.values[1].kpi" },
        { "unit", "$.values[1].unit" },
        { "note", "$.values[1].note" },
        { "dataPoint", "$.values[1].dataPoint" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task Rejects_a_field_of_the_wrong_JSON_type(string what, string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p =>
            {
                var value = p["values"]![1]!.AsObject();
                switch (what)
                {
                    case "period": p["period"] = "2020"; break;
                    case "period as a fraction": p["period"] = 2020.5; break;
                    case "period too large for a year": p["period"] = 1L << 40; break;
                    case "cityId": p["cityId"] = 5001; break;
                    case "snapshotId": p["snapshotId"] = new JsonObject(); break;
                    case "status": p["status"] = true; break;
                    case "issuedAt": p["issuedAt"] = 1_601_467_200; break;
                    case "values": p["values"] = new JsonObject(); break;
                    case "a value": p["values"]![1] = "EC-P-EM-1C"; break;
                    case "kpi": value["kpi"] = new JsonArray("EC-P-EM-1C"); break;
                    case "unit": value["unit"] = 100; break;
                    case "note": value["note"] = 1; break;
                    case "dataPoint": value["dataPoint"] = 4; break;
                }
            })
            .Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongFieldType, field);
    }

    [Fact]
    public async Task Rejects_a_payload_that_is_not_a_JSON_object()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var array = new JsonArray(builder.Payload.DeepClone()).ToJsonString();

        var jws = RawJws.SignEs256(builder.HeaderJson(), array, _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongFieldType, "$");
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950")]
    [InlineData(" 0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Rejects_a_snapshot_id_that_is_not_a_UUID(string id)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["snapshotId"] = id).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.snapshotId");
    }

    [Fact]
    public async Task Rejects_a_correction_superseding_something_that_is_not_a_UUID()
    {
        var jws = _network.Trondheim.Snapshot().CorrectionOf(Guid.NewGuid()).Jws().EditPayload(p => p["supersedes"] = "the last one").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.supersedes");
    }

    [Theory]
    [InlineData("Final")]
    [InlineData("draft")]
    [InlineData("")]
    public async Task Rejects_a_status_it_does_not_know(string status)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["status"] = status).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.status");
    }

    [Fact]
    public async Task Does_not_blame_supersedes_on_a_status_it_could_not_read()
    {
        var jws = _network.Trondheim.Snapshot().CorrectionOf(Guid.NewGuid()).Jws().EditPayload(p => p["status"] = "corection").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.status");
    }

    [Fact]
    public async Task Does_not_blame_supersedes_on_a_missing_status()
    {
        var jws = _network.Trondheim.Snapshot().CorrectionOf(Guid.NewGuid()).Jws().EditPayload(p => p.Remove("status")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, "$.status");
    }

    [Theory]
    [InlineData("Measured")]
    [InlineData("estimated")]
    [InlineData("survey_extrapolated")]
    public async Task Rejects_a_data_quality_class_it_does_not_know(string quality)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(0, v => v["quality"] = quality).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.values[0].quality");
    }

    [Theory]
    [InlineData("2020-09-30T12:00:00")]
    [InlineData("2020-09-30T12:00:00.1234567")]
    [InlineData("2020-09-30")]
    [InlineData("09/30/2020 12:00:00 +00:00")]
    [InlineData("30 September 2020 12:00:00Z")]
    [InlineData("2020-9-30T12:00:00+00:00")]
    [InlineData("2020-09-30T12:00:00+0000")]
    [InlineData("2020-09-30T12:00Z")]
    [InlineData("2020-09-31T12:00:00Z")]
    [InlineData("")]
    public async Task Rejects_an_issue_time_that_is_not_RFC_3339_with_an_offset(string issuedAt)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["issuedAt"] = issuedAt).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.issuedAt");
    }

    [Theory]
    [InlineData("2020-09-30T12:00:00Z")]
    [InlineData("2020-09-30T14:00:00+02:00")]
    [InlineData("2020-09-30T07:00:00-05:00")]
    [InlineData("2020-09-30T12:00:00.250Z")]
    [InlineData("2020-09-30t12:00:00z")]
    public async Task Accepts_an_RFC_3339_issue_time_with_any_offset(string issuedAt)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["issuedAt"] = issuedAt).Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertAccepted(result);
        Assert.Equal(new DateTimeOffset(2020, 9, 30, 12, 0, 0, TimeSpan.Zero), result.Verified!.Snapshot.IssuedAt, TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _network.Dispose();
}
