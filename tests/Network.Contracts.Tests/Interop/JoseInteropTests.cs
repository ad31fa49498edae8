using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Attestations;
using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Interop;

/// <summary>
/// A third party signs with the <c>jose</c> npm library (<c>tests/interop/jose/sign-snapshot.mjs</c>, the script
/// <c>contracts/README.md</c> quotes) and our verifier accepts the result: the wire format does not depend on
/// our own signer. Skipped, with the reason, when Node.js is not installed.
/// </summary>
public sealed class JoseInteropTests
{
    [Fact]
    public async Task A_snapshot_signed_by_jose_verifies_and_parses_to_what_was_signed()
    {
        using var trondheim = TestCity.Trondheim();
        var snapshot = FullSnapshot(trondheim);
        var payload = SnapshotJson.Serialize(snapshot);

        var jws = await JoseSigner.SignAsync(trondheim.Keys.ToPrivateJwk(), payload);
        var result = await VerifierFor(trondheim).VerifyAsync(jws, TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        var verified = result.Verified!;
        Assert.Equal(snapshot with { Values = [] }, verified.Snapshot with { Values = [] });
        Assert.Equal(snapshot.Values, verified.Snapshot.Values);
        Assert.Equal(trondheim.Keys.KeyId, verified.KeyId);
        Assert.Equal(jws, verified.Jws);
        Assert.Equal(SnapshotFormat.Digest(jws), verified.Digest);

        // jose signed our bytes as they are, under exactly the header the format allows.
        var parts = jws.Split('.');
        Assert.Equal(Base64Url.EncodeToString(payload), parts[1]);
        Assert.Equal(64, Base64Url.DecodeFromChars(parts[2]).Length);
        var header = JsonNode.Parse(RawJws.HeaderOf(jws))!.AsObject();
        Assert.Equal(["alg", "kid", "typ"], header.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("ES256", (string?)header["alg"]);
        Assert.Equal(trondheim.Keys.KeyId, (string?)header["kid"]);
        Assert.Equal("u4ssc-snapshot+jws", (string?)header["typ"]);
    }

    [Fact]
    public async Task A_jose_snapshot_whose_payload_was_changed_after_signing_is_refused_with_BadSignature()
    {
        using var trondheim = TestCity.Trondheim();
        var snapshot = trondheim.Snapshot().Build();
        var jws = await JoseSigner.SignAsync(trondheim.Keys.ToPrivateJwk(), SnapshotJson.Serialize(snapshot));

        // Still a perfectly valid payload: GHG emissions 2.46 -> 0.46. Only the signature can tell.
        var tampered = SnapshotJson.Serialize(snapshot with { Values = [snapshot.Values[0] with { Value = 0.46 }, .. snapshot.Values.Skip(1)] });
        var parts = jws.Split('.');
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(tampered)}.{parts[2]}";
        var result = await VerifierFor(trondheim).VerifyAsync(forged, TestContext.Current.CancellationToken);

        Assert.False(result.IsValid);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.BadSignature, rejection.Reason);
        Assert.Equal("signature", rejection.Field);
        Assert.Equal(0.46, result.Claimed!.Values[0].Value);
    }

    [Fact]
    public async Task Without_a_kid_in_the_key_file_jose_names_the_key_by_the_same_RFC_7638_thumbprint_we_register()
    {
        using var trondheim = TestCity.Trondheim();
        var jwk = JsonNode.Parse(trondheim.Keys.ToPrivateJwk())!.AsObject();
        jwk.Remove("kid");

        var jws = await JoseSigner.SignAsync(jwk.ToJsonString(), SnapshotJson.Serialize(trondheim.Snapshot().Build()));
        var result = await VerifierFor(trondheim).VerifyAsync(jws, TestContext.Current.CancellationToken);

        Assert.Equal(trondheim.Keys.PublicJwk.Thumbprint(), (string?)JsonNode.Parse(RawJws.HeaderOf(jws))!["kid"]);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public async Task A_format_2_snapshot_signed_by_jose_verifies_with_our_disclosures()
    {
        using var trondheim = TestCity.Trondheim();
        var signed = trondheim.Keys.CreateSigner().SignWithDisclosures(FullSnapshot(trondheim));

        var jws = await JoseSigner.SignAsync(trondheim.Keys.ToPrivateJwk(), SnapshotJson.Serialize(signed.Snapshot));
        var result = await VerifierFor(trondheim).VerifyAsync(SelectiveDisclosure.Compose(jws, signed.Disclosures.Select(d => d.Encoded)), TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        Assert.Equal(FullSnapshot(trondheim).Values.Select(v => v.Note), result.Verified!.Snapshot.Values.Select(v => v.Note));
    }

    [Fact]
    public async Task An_attestation_signed_by_jose_carries_our_payload_under_the_attestation_header_and_verifies()
    {
        using var verifier = CityKeyPair.Generate();
        var payload = Encoding.UTF8.GetBytes(ContractsReadmeTests.Block("example-attestation-payload"));

        var run = await JoseSigner.RunScriptAsync("sign-attestation.mjs", Encoding.UTF8.GetBytes(verifier.ToPrivateJwk()), payload);

        Assert.True(run.ExitCode == 0, run.Error);
        var parts = run.Output.Split('.');
        Assert.Equal(Base64Url.EncodeToString(payload), parts[1]);
        Assert.Equal($$"""{"alg":"ES256","kid":"{{verifier.KeyId}}","typ":"u4ssc-attestation+jws"}""", RawJws.HeaderOf(run.Output));
        using var ecdsa = verifier.PublicJwk.ToECDsa();
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public async Task The_readme_attestation_signed_by_jose_is_accepted_by_our_attestation_verifier()
    {
        using var verifier = CityKeyPair.Generate();
        var payload = Encoding.UTF8.GetBytes(ContractsReadmeTests.Block("example-attestation-payload"));
        var run = await JoseSigner.RunScriptAsync("sign-attestation.mjs", Encoding.UTF8.GetBytes(verifier.ToPrivateJwk()), payload);
        Assert.True(run.ExitCode == 0, run.Error);
        var keys = new Attestations.AttestationNetwork.VerifierKeys(
            new RegisteredVerifierKey(verifier.KeyId, "demo-verifier", verifier.PublicJwk, DateTimeOffset.UnixEpoch));

        var result = await new AttestationVerifier(keys, new FakeTimeProvider(new DateTimeOffset(2020, 10, 2, 0, 0, 0, TimeSpan.Zero)))
            .VerifyAsync(run.Output, TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        var verdict = Assert.Single(result.Verified!.Attestation.Verdicts);
        Assert.Equal(("EN-EN-AQ-2C", 2.46, VerdictOutcome.Verified), (verdict.Kpi, verdict.Value, verdict.Outcome));
    }

    [Fact]
    public async Task Jose_re_verifies_the_readme_vectors_with_the_JWK_Sets_alone_and_shows_the_note_and_the_verdict()
    {
        var (snapshot, cityKeys, attestation, verifierKeys) = ReadmeVectors($"{ContractsReadmeTests.Block("example2-disclosure")}~");

        var run = await JoseSigner.RunScriptAsync("verify-public.mjs", snapshot, cityKeys, attestation, verifierKeys);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = JsonNode.Parse(run.Output)!;
        Assert.Equal(SnapshotFormat.Digest(ContractsReadmeTests.Block("example2-jws")), (string?)output["snapshotDigest"]);
        var value = output["values"]![0]!;
        Assert.Equal("verified", (string?)value["verdict"]);
        Assert.Equal("demo-verifier", (string?)value["verifiedBy"]);
        Assert.Equal(JsonNode.Parse(ContractsReadmeTests.Block("example-payload"))!["values"]![0]!["note"]!.GetValue<string>(), (string?)value["note"]);
    }

    [Fact]
    public async Task Jose_refuses_a_disclosure_whose_note_was_changed()
    {
        var original = Disclosure.Read(ContractsReadmeTests.Block("example2-disclosure"), out _)!;
        var changed = Disclosure.ForNote("A kinder note.", original.Salt).Encoded;
        var (snapshot, cityKeys, _, _) = ReadmeVectors($"{changed}~");

        var run = await JoseSigner.RunScriptAsync("verify-public.mjs", snapshot, cityKeys);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no value's _sd", run.Error, StringComparison.Ordinal);
    }

    // The README's format-2 snapshot (with the given disclosures), its attestation, and JWK Sets as the hub serves them.
    private static (byte[] Snapshot, byte[] CityKeys, byte[] Attestation, byte[] VerifierKeys) ReadmeVectors(string disclosures)
    {
        static byte[] Set(string publicJwk)
        {
            var key = JsonNode.Parse(publicJwk)!.AsObject();
            key["use"] = "sig";
            key["alg"] = "ES256";
            key["validFrom"] = "2020-01-01T00:00:00+00:00";
            return Encoding.UTF8.GetBytes(new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString());
        }

        return (Encoding.ASCII.GetBytes($"{ContractsReadmeTests.Block("example2-jws")}~{disclosures}"),
            Set(ContractsReadmeTests.Block("example-public-jwk")),
            Encoding.ASCII.GetBytes(ContractsReadmeTests.Block("example-attestation-jws")),
            Set(ContractsReadmeTests.Block("example-verifier-public-jwk")));
    }

    // Every field of the format in use: a correction (supersedes), a KPI with data points, a note, text
    // outside ASCII (which our writer escapes as \uXXXX), and an issue time with an offset.
    private static Snapshot FullSnapshot(TestCity city) =>
        city.Snapshot()
            .CorrectionOf(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .IssuedAt(new DateTimeOffset(2020, 10, 2, 9, 30, 0, TimeSpan.FromHours(2)))
            .AddValue(SnapshotBuilder.Value("EN-EN-WA-1C", 29.2, "%", dataPoint: "recycled"))
            .AddValue(SnapshotBuilder.Value("EN-EN-WA-1C", 67.9, "%", dataPoint: "incinerated") with
            {
                Quality = DataQuality.AssumptionEstimated,
                Origin = "Trondheim kommune, Miljøenheten",
                Note = "Andel forbrent avfall – «høy» <67,9 %> & 'quoted' + 😀",
            })
            .Build();

    private static SnapshotVerifier VerifierFor(TestCity city) =>
        new(new InMemoryKeyDirectory(city.Registration), KpiCatalogue.Default, TimeProvider.System);
}
