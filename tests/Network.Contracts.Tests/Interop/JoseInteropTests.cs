using System.Buffers.Text;
using System.Text.Json.Nodes;
using Network.Contracts.Catalogue;
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
