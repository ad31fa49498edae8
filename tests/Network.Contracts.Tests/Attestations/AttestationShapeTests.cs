using System.Text.Json.Nodes;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Attestations;

/// <summary>The payload's members: every one named with its JSONPath when missing, unknown, mistyped or unacceptable.</summary>
public sealed class AttestationShapeTests : IDisposable
{
    private readonly AttestationNetwork _network = new();

    [Theory]
    [InlineData("attestationId")]
    [InlineData("verifierId")]
    [InlineData("snapshotDigest")]
    [InlineData("snapshotId")]
    [InlineData("cityId")]
    [InlineData("period")]
    [InlineData("method")]
    [InlineData("issuedAt")]
    [InlineData("verdicts")]
    public async Task Rejects_an_attestation_without_a_required_member(string member)
    {
        var jws = _network.Attestation().Jws().EditPayload(p => p.Remove(member)).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, $"$.{member}");
    }

    [Theory]
    [InlineData("kpi")]
    [InlineData("value")]
    [InlineData("unit")]
    [InlineData("verdict")]
    public async Task Rejects_a_verdict_without_a_required_member(string member)
    {
        var jws = _network.Attestation().Jws().EditVerdict(1, v => v.Remove(member)).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingField, $"$.verdicts[1].{member}");
    }

    [Fact]
    public async Task Rejects_a_not_verified_verdict_without_its_reason()
    {
        var jws = _network.Attestation().EditVerdict(2, v => v with { Outcome = VerdictOutcome.NotVerified, Reason = null }).Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertOnly(result, RejectionReason.MissingField, "$.verdicts[2].reason");
        Assert.Contains("not-verified", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_unknown_members_of_the_attestation_and_of_a_verdict()
    {
        var jws = _network.Attestation().Jws()
            .EditPayload(p => p["signedBy"] = "someone")
            .EditVerdict(0, v => v["quality"] = "measured")
            .Sign();

        AttestationRefusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.UnknownField, "$.signedBy"),
            (RejectionReason.UnknownField, "$.verdicts[0].quality"));
    }

    [Fact]
    public async Task Rejects_members_of_the_wrong_JSON_type()
    {
        var jws = _network.Attestation().Jws()
            .EditPayload(p => { p["period"] = "2020"; p["cityId"] = 5001; p["verdicts"] = new JsonObject(); })
            .Sign();

        AttestationRefusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.WrongFieldType, "$.period"),
            (RejectionReason.WrongFieldType, "$.cityId"),
            (RejectionReason.WrongFieldType, "$.verdicts"));
    }

    [Fact]
    public async Task Rejects_a_payload_that_is_not_an_object()
    {
        var builder = _network.Attestation().Jws();
        var jws = RawJws.SignEs256(builder.HeaderJson(), "[1]", _network.Nordic.Keys.Key);

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongFieldType, "$");
    }

    [Theory]
    [InlineData("attestationId", "not-a-uuid")]
    [InlineData("attestationId", "00000000-0000-0000-0000-000000000000")]
    [InlineData("snapshotId", "{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("issuedAt", "2020-10-01T07:00:00")]
    [InlineData("issuedAt", "2020-10-01 07:00:00Z")]
    [InlineData("verifierId", "Nordic-Verifier")]
    [InlineData("verifierId", "nv")]
    [InlineData("verifierId", "-nordic")]
    [InlineData("snapshotDigest", "not a digest")]
    [InlineData("snapshotDigest", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("method", "")]
    [InlineData("method", "   ")]
    [InlineData("reportRef", "")]
    public async Task Rejects_a_member_whose_value_is_not_acceptable(string member, string value)
    {
        var jws = _network.Attestation().Jws().EditPayload(p => p[member] = value).Sign();

        var result = await _network.VerifyAsync(jws);

        // A verifier id that is not the key owner's is refused as such too: the payload names another verifier.
        var expected = member == "verifierId"
            ? new[] { (RejectionReason.InvalidField, "$.verifierId"), (RejectionReason.KeyNotOwnedByVerifier, "header.kid") }
            : [(RejectionReason.InvalidField, $"$.{member}")];
        AttestationRefusal.AssertExactly(result, expected);
    }

    [Fact]
    public async Task Rejects_texts_over_the_limit()
    {
        var tooLong = new string('x', AttestationFormat.MaxTextLength + 1);
        var jws = _network.Attestation()
            .WithMethod(tooLong)
            .EditVerdict(0, v => v with { Outcome = VerdictOutcome.NotVerified, Reason = tooLong })
            .Sign();

        AttestationRefusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.InvalidField, "$.method"),
            (RejectionReason.InvalidField, "$.verdicts[0].reason"));
    }

    [Theory]
    [InlineData("Verified")]
    [InlineData("not_verified")]
    [InlineData("accepted")]
    public async Task Rejects_an_outcome_that_is_not_a_wire_name(string outcome)
    {
        var jws = _network.Attestation().Jws().EditVerdict(0, v => v["verdict"] = outcome).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.InvalidField, "$.verdicts[0].verdict");
    }

    [Theory]
    [InlineData("\"2.46\"")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    public async Task Rejects_a_verdict_value_that_is_not_a_finite_number(string raw)
    {
        var jws = _network.Attestation().Jws().EditVerdict(0, v => v["value"] = JwsBuilder.Raw(raw)).Sign();

        var result = await _network.VerifyAsync(jws);

        // NaN is not JSON at all: the payload is refused as malformed before its members are read.
        if (raw == "NaN")
        {
            AttestationRefusal.AssertOnly(result, RejectionReason.MalformedJson, "$.verdicts[0].value");
        }
        else
        {
            AttestationRefusal.AssertOnly(result, RejectionReason.NotAFiniteNumber, "$.verdicts[0].value");
        }
    }

    [Fact]
    public async Task Rejects_an_attestation_without_verdicts()
    {
        var jws = _network.Attestation().WithVerdicts().Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.NoValues, "$.verdicts");
    }

    [Fact]
    public async Task Rejects_more_verdicts_than_the_largest_snapshot_has_values()
    {
        var verdicts = Enumerable.Range(0, AttestationFormat.MaxVerdicts + 1)
            .Select(i => new Verdict("EN-EN-AQ-2C", $"p{i}", 1, "tCO2e per capita per year", VerdictOutcome.Verified));
        var jws = _network.Attestation().WithVerdicts(verdicts).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PayloadTooLarge, "$.verdicts");
    }

    [Fact]
    public async Task Rejects_two_verdicts_on_one_value()
    {
        var builder = _network.Attestation();
        var first = _network.Snapshot.Values[1];
        var jws = builder.AddVerdict(AttestationBuilder.On(first, VerdictOutcome.Question)).Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertOnly(result, RejectionReason.DuplicateKpi, $"$.verdicts[{_network.Snapshot.Values.Count}].kpi");
        Assert.Contains("$.verdicts[1]", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_verdicts_on_two_data_points_of_one_KPI()
    {
        var jws = _network.Attestation().WithVerdicts(
                AttestationBuilder.On(SnapshotBuilder.Value("EC-ICT-ICT-1C", 99.5, "%", "fixed")),
                AttestationBuilder.On(SnapshotBuilder.Value("EC-ICT-ICT-1C", 80, "%", "wireless")))
            .Sign();

        AttestationRefusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Theory]
    [InlineData("NO5001")]
    [InlineData("XX-5001")]
    [InlineData("no-5001")]
    public async Task Rejects_a_malformed_city_id(string cityId)
    {
        var jws = _network.Attestation().ForCity(cityId).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedCityId, "$.cityId");
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2022)]
    public async Task Rejects_a_period_outside_the_sane_range(int period)
    {
        var jws = _network.Attestation().ForPeriod(period).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PeriodOutOfRange, "$.period");
    }

    [Fact]
    public async Task Reports_every_problem_at_once_and_what_was_claimed()
    {
        var jws = _network.Attestation().Jws()
            .EditPayload(p => { p.Remove("method"); p["period"] = 1900; })
            .EditVerdict(0, v => v["verdict"] = "maybe")
            .Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertExactly(
            result,
            (RejectionReason.MissingField, "$.method"),
            (RejectionReason.PeriodOutOfRange, "$.period"),
            (RejectionReason.InvalidField, "$.verdicts[0].verdict"));
        Assert.Equal(_network.Nordic.VerifierId, result.Claimed!.VerifierId);
        Assert.Equal(SnapshotFormat.Digest(_network.SnapshotJws), result.Claimed.SnapshotDigest);
    }

    public void Dispose() => _network.Dispose();
}
