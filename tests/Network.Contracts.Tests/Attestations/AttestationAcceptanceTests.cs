using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Testing;

namespace Network.Contracts.Tests.Attestations;

public sealed class AttestationAcceptanceTests : IDisposable
{
    private readonly AttestationNetwork _network = new();

    [Fact]
    public async Task Accepts_an_attestation_and_reads_back_what_was_signed()
    {
        var built = _network.Attestation()
            .EditVerdict(1, v => v with { Outcome = VerdictOutcome.NotVerified, Reason = "The source does not give this figure." })
            .EditVerdict(2, v => v with { Outcome = VerdictOutcome.Question })
            .WithReport(null);
        var jws = built.Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertAccepted(result);
        var verified = result.Verified!;
        Assert.Equal(_network.Nordic.Keys.KeyId, verified.KeyId);
        Assert.Equal(jws, verified.Jws);
        Assert.Equal(SnapshotFormat.Digest(jws), verified.Digest);
        var expected = built.Build();
        Assert.Equal(expected with { Verdicts = [] }, verified.Attestation with { Verdicts = [] });
        Assert.Equal(expected.Verdicts, verified.Attestation.Verdicts);
        Assert.Equal(SnapshotFormat.Digest(_network.SnapshotJws), verified.Attestation.SnapshotDigest);
    }

    [Fact]
    public async Task Accepts_a_verdict_with_a_data_point_and_a_remark_on_a_verified_value()
    {
        var value = SnapshotBuilder.Value("EC-ICT-ICT-1C", 99.5, "%", dataPoint: "fixed");
        var jws = _network.Attestation()
            .AddVerdict(AttestationBuilder.On(value, VerdictOutcome.Verified, "Checked against the operator's figures."))
            .Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertAccepted(result);
        Assert.Equal("fixed", result.Verified!.Attestation.Verdicts[^1].DataPoint);
    }

    [Fact]
    public async Task Accepts_an_issue_time_with_an_offset_and_fractions()
    {
        var jws = _network.Attestation().Jws().EditPayload(p => p["issuedAt"] = "2020-10-01T09:00:00.125+02:00").Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertAccepted(result);
        Assert.Equal(new DateTimeOffset(2020, 10, 1, 7, 0, 0, 125, TimeSpan.Zero), result.Verified!.Attestation.IssuedAt);
    }

    [Fact]
    public async Task Accepts_a_report_reference_given_as_null()
    {
        var jws = _network.Attestation().Jws().EditPayload(p => p["reportRef"] = null).Sign();

        AttestationRefusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    public void Dispose() => _network.Dispose();
}
