using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Network.Contracts.Disclosures;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

/// <summary>
/// Format 2: the notes travel as SD-JWT disclosures beside the JWS, whose payload carries their digests. The hub accepts
/// the snapshot only when every disclosure matches a value's digest and every digest has its disclosure.
/// </summary>
public sealed class DisclosureTests : IDisposable
{
    private const string Note = "Counted in the municipal register; a note for the network.";
    private readonly TestNetwork _network = new();

    public void Dispose() => _network.Dispose();

    private SnapshotBuilder WithNotes() => _network.Trondheim.Snapshot().WithValues(
        SnapshotBuilder.Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year") with { Note = Note },
        SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%"),
        SnapshotBuilder.Value("EC-I-WS-3C", 28.42, "%") with { Note = "Leakage estimated from night flows." });

    [Fact]
    public async Task A_format_2_snapshot_with_its_disclosures_is_accepted_with_the_notes_while_its_JWS_holds_none()
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(signed.Submission);

        Refusal.AssertAccepted(result);
        Assert.Equal(2, result.Verified!.Snapshot.FormatVersion);
        Assert.Equal([Note, null, "Leakage estimated from night flows."], result.Verified.Snapshot.Values.Select(v => v.Note));
        Assert.Equal(signed.Jws, result.Verified.Jws);
        Assert.Equal(SnapshotFormat.Digest(signed.Jws), result.Verified.Digest);
        Assert.Equal(result.Verified.Digest, SnapshotFormat.Digest(signed.Submission));
        Assert.Equal(signed.Disclosures.Select(d => d.Encoded), result.Verified.Disclosures);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(signed.Jws.Split('.')[1]));
        Assert.DoesNotContain("municipal register", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("night flows", payload, StringComparison.Ordinal);
        Assert.Contains("\"_sd_alg\":\"sha-256\"", payload, StringComparison.Ordinal);
        Assert.Contains($"\"_sd\":[\"{signed.Disclosures[0].Digest}\"]", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_2_snapshot_without_notes_travels_as_the_bare_JWS()
    {
        var signed = _network.Trondheim.Snapshot().SignWithDisclosures();

        var result = await _network.VerifyAsync(signed.Submission);

        Refusal.AssertAccepted(result);
        Assert.Equal(signed.Jws, signed.Submission);
        Assert.Empty(result.Verified!.Disclosures);
        Assert.Equal(2, result.Verified.Snapshot.FormatVersion);
    }

    [Fact]
    public async Task A_disclosure_reads_as_RFC_9901_defines_it()
    {
        var disclosure = Disclosure.ForNote("Rounded.", "_26bc4LT-ac6q2KI6cBW5es");

        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(disclosure.Encoded));

        Assert.Equal("""["_26bc4LT-ac6q2KI6cBW5es","note","Rounded."]""", json);
        Assert.Equal(Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(disclosure.Encoded))), disclosure.Digest);
        Assert.Equal(22, Disclosure.ForNote("x").Salt.Length);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_digest_without_its_disclosure_is_refused_at_the_value()
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(signed.Jws, [signed.Disclosures[1].Encoded]));

        Refusal.AssertOnly(result, RejectionReason.MissingDisclosure, "$.values[0]._sd");
    }

    [Fact]
    public async Task A_disclosure_no_value_carries_is_refused_with_its_position()
    {
        var signed = WithNotes().SignWithDisclosures();
        var stranger = Disclosure.ForNote("Another note.").Encoded;

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(signed.Jws, [.. signed.Disclosures.Select(d => d.Encoded), stranger]));

        Refusal.AssertOnly(result, RejectionReason.DisclosureNotInPayload, "disclosures[2]");
    }

    [Fact]
    public async Task A_changed_note_no_longer_matches_its_digest()
    {
        var signed = WithNotes().SignWithDisclosures();
        var changed = Disclosure.ForNote("A better story.", signed.Disclosures[0].Salt).Encoded;

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(signed.Jws, [changed, signed.Disclosures[1].Encoded]));

        Refusal.AssertExactly(result, (RejectionReason.DisclosureNotInPayload, "disclosures[0]"), (RejectionReason.MissingDisclosure, "$.values[0]._sd"));
    }

    [Fact]
    public async Task The_same_disclosure_twice_is_refused()
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(signed.Submission + signed.Disclosures[1].Encoded + "~");

        Refusal.AssertOnly(result, RejectionReason.DuplicateDisclosure, "disclosures[2]");
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("WyJzYWx0Iiwibm90ZSIsIngiXQ")] // ["salt","note","x"]: a salt of 32 bits
    [InlineData("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsInNvdXJjZSIsIngiXQ")] // the claim "source": only notes are withheld
    [InlineData("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsIm5vdGUiXQ")] // two elements
    [InlineData("")]
    public async Task A_disclosure_that_is_not_salt_note_text_is_refused(string disclosure)
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(signed.Jws, [.. signed.Disclosures.Select(d => d.Encoded), disclosure]));

        Refusal.AssertOnly(result, RejectionReason.MalformedDisclosure, "disclosures[2]");
    }

    [Fact]
    public async Task A_key_binding_JWT_after_the_last_tilde_is_refused()
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(signed.Submission + "eyJhbGciOiJFUzI1NiJ9.e30.c2ln");

        Refusal.AssertOnly(result, RejectionReason.MalformedDisclosure, "disclosures");
    }

    [Fact]
    public async Task More_disclosures_than_a_snapshot_can_hold_are_refused_in_one_reason()
    {
        var signed = WithNotes().SignWithDisclosures();

        var result = await _network.VerifyAsync(signed.Jws + new string('~', SnapshotFormat.MaxValues + 2));

        Refusal.AssertOnly(result, RejectionReason.MalformedDisclosure, "disclosures");
    }

    [Fact]
    public async Task A_format_1_snapshot_takes_no_disclosures()
    {
        var jws = WithNotes().Sign();

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(jws, [Disclosure.ForNote(Note).Encoded]));

        Refusal.AssertOnly(result, RejectionReason.DisclosureNotInPayload, "disclosures[0]");
    }

    [Fact]
    public async Task A_format_1_snapshot_with_notes_in_the_clear_is_still_accepted()
    {
        var jws = WithNotes().Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertAccepted(result);
        Assert.Equal(1, result.Verified!.Snapshot.FormatVersion);
        Assert.Equal(Note, result.Verified.Snapshot.Values[0].Note);
        Assert.Empty(result.Verified.Disclosures);
    }

    [Fact]
    public async Task A_note_in_the_clear_in_format_2_is_refused()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["formatVersion"] = 2)
            .EditValue(0, v => v["note"] = Note)
            .Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertOnly(result, RejectionReason.UnknownField, "$.values[0].note");
    }

    [Fact]
    public async Task A_digest_in_format_1_is_refused()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["_sd_alg"] = "sha-256")
            .EditValue(0, v => v["_sd"] = new JsonArray(Disclosure.ForNote(Note).Digest))
            .Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertExactly(result, (RejectionReason.UnknownField, "$._sd_alg"), (RejectionReason.UnknownField, "$.values[0]._sd"));
    }

    [Fact]
    public async Task The_digest_algorithm_is_required_with_digests_and_must_be_sha_256()
    {
        var disclosure = Disclosure.ForNote(Note);
        var builder = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["formatVersion"] = 2)
            .EditValue(0, v => v["_sd"] = new JsonArray(disclosure.Digest));
        var missing = SelectiveDisclosure.Compose(builder.Sign(), [disclosure.Encoded]);
        var wrong = SelectiveDisclosure.Compose(builder.EditPayload(p => p["_sd_alg"] = "sha-512").Sign(), [disclosure.Encoded]);

        Refusal.AssertOnly(await _network.VerifyAsync(missing), RejectionReason.MissingField, "$._sd_alg");
        Refusal.AssertOnly(await _network.VerifyAsync(wrong), RejectionReason.InvalidField, "$._sd_alg");
    }

    [Theory]
    [InlineData("3", RejectionReason.InvalidField, "$.formatVersion")]
    [InlineData("\"2\"", RejectionReason.WrongFieldType, "$.formatVersion")]
    [InlineData("2.5", RejectionReason.InvalidField, "$.formatVersion")]
    public async Task Only_format_versions_1_and_2_exist(string version, RejectionReason reason, string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => p["formatVersion"] = JwsBuilder.Raw(version)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), reason, field);
    }

    [Theory]
    [InlineData("[]", RejectionReason.InvalidField, "$.values[0]._sd")]
    [InlineData("\"abc\"", RejectionReason.WrongFieldType, "$.values[0]._sd")]
    [InlineData("[\"tooShort\"]", RejectionReason.InvalidField, "$.values[0]._sd[0]")]
    public async Task A_values_sd_holds_exactly_one_SHA_256_digest(string sd, RejectionReason reason, string field)
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["formatVersion"] = 2)
            .EditPayload(p => p["_sd_alg"] = "sha-256")
            .EditValue(0, v => v["_sd"] = JwsBuilder.Raw(sd))
            .Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), reason, field);
    }

    [Fact]
    public async Task Two_values_with_one_digest_are_refused()
    {
        var disclosure = Disclosure.ForNote(Note);
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["formatVersion"] = 2)
            .EditPayload(p => p["_sd_alg"] = "sha-256")
            .EditValue(0, v => v["_sd"] = new JsonArray(disclosure.Digest))
            .EditValue(1, v => v["_sd"] = new JsonArray(disclosure.Digest))
            .Sign();

        var result = await _network.VerifyAsync(SelectiveDisclosure.Compose(jws, [disclosure.Encoded]));

        Refusal.AssertOnly(result, RejectionReason.DuplicateDisclosure, "$.values[1]._sd");
    }

    [Fact]
    public async Task A_disclosed_note_obeys_the_notes_length_rule()
    {
        var signed = _network.Trondheim.Snapshot()
            .WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%") with { Note = new string('n', SnapshotFormat.MaxTextLength + 1) })
            .SignWithDisclosures();

        Refusal.AssertOnly(await _network.VerifyAsync(signed.Submission), RejectionReason.InvalidField, "$.values[0].note");
    }
}
