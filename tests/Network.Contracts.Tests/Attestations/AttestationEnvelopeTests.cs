using System.Text.Json.Nodes;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Attestations;

/// <summary>The envelope and header rules an attestation shares with a snapshot, held with the attestation's typ.</summary>
public sealed class AttestationEnvelopeTests : IDisposable
{
    private readonly AttestationNetwork _network = new();

    [Fact]
    public async Task Rejects_text_that_is_not_a_compact_JWS() =>
        AttestationRefusal.AssertOnly(await _network.VerifyAsync("not.a"), RejectionReason.MalformedJws, "jws");

    [Fact]
    public async Task Rejects_a_padded_part()
    {
        var jws = _network.Attestation().Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(RawJws.WithPart(jws, 2, jws.Split('.')[2] + "=")), RejectionReason.MalformedBase64Url, "signature");
    }

    [Fact]
    public async Task Rejects_a_final_newline()
    {
        var jws = _network.Attestation().Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws + "\n"), RejectionReason.MalformedBase64Url, "signature");
    }

    [Fact]
    public async Task Rejects_a_payload_that_is_not_JSON()
    {
        var jws = _network.Attestation().Jws().AppendToPayload("}").Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$");
    }

    [Fact]
    public async Task Rejects_a_member_named_twice()
    {
        var jws = _network.Attestation().Jws().EditPayload(p => JwsBuilder.Duplicate(p, "verifierId", "other-verifier")).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "$.verifierId");
    }

    [Fact]
    public async Task Rejects_a_payload_over_the_size_limit()
    {
        var jws = _network.Attestation().Jws().EditPayload(p => p["method"] = new string('m', SnapshotFormat.MaxPayloadBytes)).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PayloadTooLarge, "payload");
    }

    [Fact]
    public async Task Rejects_an_algorithm_other_than_ES256()
    {
        var jws = _network.Attestation().Jws().EditHeader(h => h["alg"] = "HS256").SignHs256(new byte[32]);

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Fact]
    public async Task Rejects_a_header_without_kid()
    {
        var jws = _network.Attestation().Jws().EditHeader(h => h.Remove("kid")).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingKeyId, "header.kid");
    }

    [Fact]
    public async Task Rejects_a_key_carried_in_the_header()
    {
        var ownKey = JsonNode.Parse(_network.Nordic.Keys.PublicJwk.ToJson());
        var jws = _network.Attestation().Jws().EditHeader(h => h["jwk"] = ownKey).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedHeader, "header.jwk");
    }

    [Theory]
    [InlineData(SnapshotFormat.TokenType)]
    [InlineData("JWT")]
    [InlineData("U4SSC-ATTESTATION+JWS")]
    [InlineData("")]
    public async Task Rejects_a_token_type_other_than_an_attestation(string typ)
    {
        var jws = _network.Attestation().Jws().EditHeader(h => h["typ"] = typ).Sign();

        var result = await _network.VerifyAsync(jws);

        AttestationRefusal.AssertOnly(result, RejectionReason.WrongTokenType, "header.typ");
        Assert.Contains("u4ssc-attestation+jws", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_citys_snapshot_sent_as_an_attestation()
    {
        var result = await _network.VerifyAsync(_network.SnapshotJws);

        Assert.False(result.IsValid);
        Assert.Contains(result.Rejections, r => r.Reason == RejectionReason.WrongTokenType && r.Field == "header.typ");
        Assert.Contains(result.Rejections, r => r.Reason == RejectionReason.UnknownKey && r.Field == "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_changed_after_signing()
    {
        var parts = _network.Attestation().Sign().Split('.');
        var other = _network.Attestation().EditVerdict(0, v => v with { Outcome = VerdictOutcome.Question }).Sign().Split('.');

        var result = await _network.VerifyAsync($"{parts[0]}.{other[1]}.{parts[2]}");

        AttestationRefusal.AssertOnly(result, RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public async Task Rejects_a_signature_of_the_wrong_length()
    {
        var jws = _network.Attestation().Jws().WithSignature(new byte[70]);

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.BadSignature, "signature");
    }

    public void Dispose() => _network.Dispose();
}
