using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Network.Contracts.Attestations;
using Network.Contracts.Disclosures;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Embargo;

/// <summary>
/// Anyone can re-check: an anonymous reader fetches a public format-2 snapshot's JWS and the city's JWK Set over HTTP
/// and re-verifies the signature chain with nothing but System.Security.Cryptography and System.Text.Json, following
/// contracts/README.md (§3 the JWS, §4 format 2, §8 the key sets), not the project's verifier; no note reaches it. A
/// member also gets the disclosures and checks each note against its signed digest the same way. Each verifier
/// attestation on the snapshot is re-checked the same way with the verifier's JWK Set (§8, §9).
/// </summary>
public sealed class PublicReverificationTests : IAsyncLifetime
{
    private const string Note = "Measured at the three municipal stations; a note for the network only.";
    private const string OtherNote = "Leakage estimated from night flows.";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _door = null!;

    public async ValueTask InitializeAsync()
    {
        _door = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
    }

    public async ValueTask DisposeAsync()
    {
        _door.Dispose();
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task An_anonymous_reader_re_verifies_a_public_format_2_snapshot_with_public_endpoints_alone_and_sees_no_note()
    {
        var snapshotId = (await PublishAsync()).Snapshot.SnapshotId;
        using var anonymous = _hub.CreateClient();

        var snapshotText = await anonymous.GetStringAsync($"/api/snapshots/{snapshotId}", Ct);
        var jwksText = await anonymous.GetStringAsync("/api/cities/NO-5001/jwks", Ct);

        using var snapshot = JsonDocument.Parse(snapshotText);
        var jws = snapshot.RootElement.GetProperty("jws").GetString()!;
        Assert.Equal(JsonValueKind.Null, snapshot.RootElement.GetProperty("disclosures").ValueKind);
        var payload = VerifyJws(jws, jwksText, "u4ssc-snapshot+jws");
        // The digest names exactly this JWS: base64url(SHA-256(ASCII(jws))).
        Assert.Equal(B64(SHA256.HashData(Encoding.ASCII.GetBytes(jws))), snapshot.RootElement.GetProperty("digest").GetString());
        Assert.Equal(2, payload.GetProperty("formatVersion").GetInt32());
        Assert.Equal("sha-256", payload.GetProperty("_sd_alg").GetString());
        Assert.Equal(snapshotId.ToString("D"), payload.GetProperty("snapshotId").GetString());
        var values = payload.GetProperty("values").EnumerateArray().ToList();
        Assert.All(values, v => Assert.False(v.TryGetProperty("note", out _)));
        Assert.Equal(2, values.Count(v => v.TryGetProperty("_sd", out _)));
        foreach (var text in new[] { snapshotText, jwksText, Encoding.UTF8.GetString(FromB64(jws.Split('.')[1])) })
        {
            Assert.DoesNotContain("municipal stations", text, StringComparison.Ordinal);
            Assert.DoesNotContain("night flows", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_reader_re_verifies_each_attestation_with_the_verifiers_public_key_set_and_binds_it_to_the_snapshot()
    {
        var signed = await PublishAsync();
        using var verifier = await _hub.RegisterVerifierAsync(TestVerifier.Nordic(), "NO-5001");
        var built = verifier.Attest(signed.Snapshot, signed.Jws).IssuedAt(DateTimeOffset.UtcNow.AddMinutes(-1))
            .EditVerdict(1, v => v with { Outcome = VerdictOutcome.NotVerified, Reason = "The labour-force survey gives 1.43 %." });
        using (var client = await _hub.CreateVerifierClientAsync(verifier.VerifierId))
        using (var content = new StringContent(built.Sign(), Encoding.ASCII, "application/jose"))
        using (var posted = await client.PostAsync(new Uri("/api/attestations", UriKind.Relative), content, Ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var snapshotId = signed.Snapshot.SnapshotId;
        using var anonymous = _hub.CreateClient();
        var snapshotText = await anonymous.GetStringAsync($"/api/snapshots/{snapshotId}", Ct);
        var attestationsText = await anonymous.GetStringAsync($"/api/snapshots/{snapshotId}/attestations", Ct);
        var snapshotJws = JsonDocument.Parse(snapshotText).RootElement.GetProperty("jws").GetString()!;
        var snapshotPayload = VerifyJws(snapshotJws, await anonymous.GetStringAsync("/api/cities/NO-5001/jwks", Ct), "u4ssc-snapshot+jws");
        // A verdict binds to a value by (kpi, dataPoint, value, unit) of the signed snapshot (contracts/README.md §9).
        var signedValues = snapshotPayload.GetProperty("values").EnumerateArray().Select(Binding).ToHashSet();

        using var attestations = JsonDocument.Parse(attestationsText);
        var listed = Assert.Single(attestations.RootElement.EnumerateArray());
        var attestationJws = listed.GetProperty("jws").GetString()!;
        var verifierId = listed.GetProperty("verifierId").GetString()!;
        var verifierJwks = await anonymous.GetStringAsync($"/api/verifiers/{verifierId}/jwks", Ct);
        var payload = VerifyJws(attestationJws, verifierJwks, "u4ssc-attestation+jws");

        Assert.Equal(B64(SHA256.HashData(Encoding.ASCII.GetBytes(attestationJws))), listed.GetProperty("digest").GetString());
        Assert.Equal(B64(SHA256.HashData(Encoding.ASCII.GetBytes(snapshotJws))), payload.GetProperty("snapshotDigest").GetString());
        Assert.Equal(verifierId, payload.GetProperty("verifierId").GetString());
        Assert.Equal(
            (snapshotPayload.GetProperty("snapshotId").GetString(), snapshotPayload.GetProperty("cityId").GetString(), snapshotPayload.GetProperty("period").GetInt32()),
            (payload.GetProperty("snapshotId").GetString(), payload.GetProperty("cityId").GetString(), payload.GetProperty("period").GetInt32()));
        var verdicts = payload.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(signedValues.Count, verdicts.Count);
        Assert.All(verdicts, v => Assert.Contains(Binding(v), signedValues));
        Assert.Equal(["not-verified", "verified", "verified"], verdicts.Select(v => v.GetProperty("verdict").GetString()).Order(StringComparer.Ordinal));

        // §8: the key is the verifier's, was valid when the attestation was issued, and is not revoked.
        var kid = JsonDocument.Parse(FromB64(attestationJws.Split('.')[0])).RootElement.GetProperty("kid").GetString();
        var key = JsonDocument.Parse(verifierJwks).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        Assert.True(key.GetProperty("validFrom").GetDateTimeOffset() <= payload.GetProperty("issuedAt").GetDateTimeOffset());
        Assert.False(key.TryGetProperty("revokedAt", out _));
        foreach (var text in new[] { attestationsText, verifierJwks, Encoding.UTF8.GetString(FromB64(attestationJws.Split('.')[1])) })
        {
            Assert.DoesNotContain("municipal stations", text, StringComparison.Ordinal);
            Assert.DoesNotContain("night flows", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_gets_the_disclosures_and_checks_each_note_against_its_signed_digest()
    {
        var snapshotId = (await PublishAsync()).Snapshot.SnapshotId;
        using var member = await _hub.CreateMemberClientAsync();

        using var snapshot = JsonDocument.Parse(await member.GetStringAsync($"/api/snapshots/{snapshotId}", Ct));
        var jwks = await member.GetStringAsync("/api/cities/NO-5001/jwks", Ct);

        var payload = VerifyJws(snapshot.RootElement.GetProperty("jws").GetString()!, jwks, "u4ssc-snapshot+jws");
        var digests = payload.GetProperty("values").EnumerateArray()
            .Where(v => v.TryGetProperty("_sd", out _))
            .ToDictionary(v => v.GetProperty("_sd")[0].GetString()!, v => v.GetProperty("kpi").GetString()!);
        var notes = new Dictionary<string, string>();
        foreach (var disclosure in snapshot.RootElement.GetProperty("disclosures").EnumerateArray().Select(d => d.GetString()!))
        {
            // RFC 9901: the digest is over the disclosure's ASCII text as sent, the disclosure is base64url JSON [salt, name, value].
            var digest = B64(SHA256.HashData(Encoding.ASCII.GetBytes(disclosure)));
            using var array = JsonDocument.Parse(FromB64(disclosure));
            Assert.Equal(3, array.RootElement.GetArrayLength());
            Assert.True(array.RootElement[0].GetString()!.Length >= 22);
            Assert.Equal("note", array.RootElement[1].GetString());
            notes[digests[digest]] = array.RootElement[2].GetString()!;
        }

        Assert.Equal(new Dictionary<string, string> { ["EN-EN-AQ-2C"] = Note, ["EC-I-WS-3C"] = OtherNote }, notes);
    }

    [Fact]
    public async Task GraphQL_gives_the_public_the_same_JWS_and_no_disclosures_and_members_the_disclosures()
    {
        var snapshotId = (await PublishAsync()).Snapshot.SnapshotId;
        using var anonymous = _hub.CreateClient();
        using var member = await _hub.CreateMemberClientAsync();
        const string query = """{ city(id: "NO-5001") { snapshots { id jws disclosures values { note } } } }""";

        var publicAnswer = await GraphQLAnswer.PostAsync(anonymous, query);
        var publicSnapshot = publicAnswer.Ok().At("city.snapshots").Items().Single();
        var memberSnapshot = (await GraphQLAnswer.PostAsync(member, query)).Ok().At("city.snapshots").Items().Single();
        using var rest = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/snapshots/{snapshotId}", Ct));

        Assert.Equal(rest.RootElement.GetProperty("jws").GetString(), publicSnapshot.GetProperty("jws").GetString());
        Assert.Equal(JsonValueKind.Null, publicSnapshot.GetProperty("disclosures").ValueKind);
        Assert.DoesNotContain("municipal stations", publicSnapshot.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, memberSnapshot.GetProperty("disclosures").GetArrayLength());
        Assert.Contains(Note, memberSnapshot.GetProperty("values").Items().Select(v => v.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Anonymous_reads_of_values_show_no_note_of_a_format_2_snapshot_though_members_read_the_disclosed_notes()
    {
        await PublishAsync();
        using var anonymous = _hub.CreateClient();
        using var member = await _hub.CreateMemberClientAsync();
        const string feed = "/odata/KpiValues?$filter=CityId eq 'NO-5001'";

        Assert.DoesNotContain("municipal stations", await anonymous.GetStringAsync(feed, Ct), StringComparison.Ordinal);
        Assert.Contains(Note, await member.GetStringAsync(feed, Ct), StringComparison.Ordinal);
    }

    // Posts a final format-2 snapshot with two notes through the HTTP door as an SD-JWT.
    private async Task<SignedSnapshot> PublishAsync()
    {
        var signed = _trondheim.Snapshot().WithValues(
            SnapshotBuilder.Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year") with { Note = Note },
            SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%"),
            SnapshotBuilder.Value("EC-I-WS-3C", 28.42, "%") with { Note = OtherNote }).SignWithDisclosures();
        using var response = await SnapshotDoor.PostAsync(_door, signed.Submission, "application/sd-jwt");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return signed;
    }

    // contracts/README.md §3 and §8, with .NET's primitives only: the header is exactly {alg, kid, typ}, the key is the
    // JWK Set's entry under kid, the signature is r || s over ASCII(header "." payload). Returns the payload.
    private static JsonElement VerifyJws(string jws, string jwksText, string typ)
    {
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(FromB64(parts[0]));
        Assert.Equal(["alg", "kid", "typ"], header.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(typ, header.RootElement.GetProperty("typ").GetString());
        var kid = header.RootElement.GetProperty("kid").GetString();
        using var jwks = JsonDocument.Parse(jwksText);
        var key = jwks.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        Assert.Equal(("EC", "P-256"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString()));
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromB64(key.GetProperty("x").GetString()!), Y = FromB64(key.GetProperty("y").GetString()!) },
        });
        var signature = FromB64(parts[2]);
        Assert.Equal(64, signature.Length);
        var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(ecdsa.VerifyData(input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        input[^1] ^= 1;
        Assert.False(ecdsa.VerifyData(input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return JsonDocument.Parse(FromB64(parts[1])).RootElement.Clone();
    }

    private static (string Kpi, string? DataPoint, double Value, string Unit) Binding(JsonElement value) => (
        value.GetProperty("kpi").GetString()!,
        value.TryGetProperty("dataPoint", out var dataPoint) ? dataPoint.GetString() : null,
        value.GetProperty("value").GetDouble(),
        value.GetProperty("unit").GetString()!);

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
