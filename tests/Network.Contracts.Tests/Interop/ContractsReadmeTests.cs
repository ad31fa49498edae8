using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Network.Contracts.Attestations;
using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Interop;

/// <summary>
/// <c>contracts/README.md</c> specifies the wire format for third parties. These tests keep it true: the worked
/// example verifies, the quoted script is the script, and the generated tables match the code.
/// </summary>
public sealed class ContractsReadmeTests
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(RepoRoot.Combine("contracts", "README.md")));

    [Fact]
    public async Task Readme_example_jws_verifies_against_the_example_key()
    {
        var jws = Block("example-jws");
        var publicJwk = Block("example-public-jwk");
        var kid = (string)JsonNode.Parse(publicJwk)!["kid"]!;
        var key = EcPublicJwk.Parse(publicJwk);
        var keys = new InMemoryKeyDirectory(new RegisteredKey(kid, "NO-5001", key, DateTimeOffset.UnixEpoch));
        var verifier = new SnapshotVerifier(keys, KpiCatalogue.Default, TimeProvider.System);

        var result = await verifier.VerifyAsync(jws, TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        Assert.Equal(kid, result.Verified!.KeyId);
        Assert.Equal(SnapshotFormat.Digest(jws), result.Verified.Digest);
        Assert.Contains($"`{result.Verified.Digest}`", Readme.Value, StringComparison.Ordinal);

        // The payload shown is the payload signed, and it is the real Trondheim figure.
        Assert.Equal(Block("example-payload"), Network.Testing.RawJws.PayloadOf(jws));
        var value = Assert.Single(result.Verified.Snapshot.Values);
        Assert.Equal(("NO-5001", 2020, SnapshotStatus.Final), (result.Verified.Snapshot.CityId, result.Verified.Snapshot.Period, result.Verified.Snapshot.Status));
        Assert.Equal(("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year"), (value.Kpi, value.Value, value.Unit));
    }

    [Fact]
    public async Task Readme_example_payload_is_what_our_SnapshotJson_writes_for_the_same_snapshot()
    {
        // No key registered: refused as UnknownKey, but the payload is read all the same.
        var result = await new SnapshotVerifier(new InMemoryKeyDirectory(), KpiCatalogue.Default, TimeProvider.System)
            .VerifyAsync(Block("example-jws"), TestContext.Current.CancellationToken);
        var claimed = result.Claimed!;

        Assert.Equal(RejectionReason.UnknownKey, Assert.Single(result.Rejections).Reason);

        Assert.Equal(Block("example-payload"), Encoding.UTF8.GetString(SnapshotJson.Serialize(claimed)));
    }

    [Fact]
    public void Readme_example_private_key_is_the_public_key_and_its_kid_is_the_RFC_7638_thumbprint()
    {
        using var pair = CityKeyPair.FromPrivateJwk(Block("example-private-jwk"));
        var publicJwk = EcPublicJwk.Parse(Block("example-public-jwk"));

        Assert.Equal(publicJwk, pair.PublicJwk);
        Assert.Equal(publicJwk.Thumbprint(), pair.KeyId);
        Assert.Equal(pair.KeyId, (string)JsonNode.Parse(Block("example-public-jwk"))!["kid"]!);
    }

    [Fact]
    public void Readme_quotes_sign_snapshot_mjs_exactly()
    {
        var script = File.ReadAllText(RepoRoot.Combine("tests", "interop", "jose", "sign-snapshot.mjs"));

        Assert.Equal(Normalize(script).TrimEnd('\n'), Block("sign-snapshot.mjs"));
    }

    [Theory]
    [InlineData("sign-attestation.mjs")]
    [InlineData("verify-public.mjs")]
    public void Readme_quotes_the_attestation_and_re_verification_scripts_exactly(string name)
    {
        var script = File.ReadAllText(RepoRoot.Combine("tests", "interop", "jose", name));

        Assert.Equal(Normalize(script).TrimEnd('\n'), Block(name));
    }

    [Fact]
    public async Task Readme_format_2_example_verifies_with_its_disclosure_and_its_JWS_holds_no_note()
    {
        var jws = Block("example2-jws");
        var disclosure = Block("example2-disclosure");
        var publicJwk = Block("example-public-jwk");
        var kid = (string)JsonNode.Parse(publicJwk)!["kid"]!;
        var keys = new InMemoryKeyDirectory(new RegisteredKey(kid, "NO-5001", EcPublicJwk.Parse(publicJwk), DateTimeOffset.UnixEpoch));
        var verifier = new SnapshotVerifier(keys, KpiCatalogue.Default, TimeProvider.System);

        var result = await verifier.VerifyAsync($"{jws}~{disclosure}~", TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        Assert.Equal(Block("example2-payload"), Network.Testing.RawJws.PayloadOf(jws));
        Assert.Equal(Block("example2-payload"), Encoding.UTF8.GetString(SnapshotJson.Serialize(result.Verified!.Snapshot)));
        Assert.Contains($"`{result.Verified.Digest}`", Readme.Value, StringComparison.Ordinal);
        Assert.Contains($"`{Disclosure.Read(disclosure, out _)!.Digest}`", Readme.Value, StringComparison.Ordinal);
        var v1Note = JsonNode.Parse(Block("example-payload"))!["values"]![0]!["note"]!.GetValue<string>();
        Assert.Equal(v1Note, Assert.Single(result.Verified.Snapshot.Values).Note);
        Assert.DoesNotContain(v1Note, Network.Testing.RawJws.PayloadOf(jws), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_attestation_example_is_signed_by_the_example_verifier_key_over_what_AttestationJson_writes()
    {
        var jws = Block("example-attestation-jws");
        var parts = jws.Split('.');
        var publicJwk = Block("example-verifier-public-jwk");
        using var verifierKey = CityKeyPair.FromPrivateJwk(Block("example-verifier-private-jwk"));
        using var ecdsa = EcPublicJwk.Parse(publicJwk).ToECDsa();

        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(verifierKey.KeyId, (string)JsonNode.Parse(publicJwk)!["kid"]!);
        Assert.Equal(EcPublicJwk.Parse(publicJwk), verifierKey.PublicJwk);
        Assert.Equal($$"""{"alg":"ES256","kid":"{{verifierKey.KeyId}}","typ":"{{AttestationFormat.TokenType}}"}""", Network.Testing.RawJws.HeaderOf(jws));
        Assert.Equal(Block("example-attestation-payload"), Network.Testing.RawJws.PayloadOf(jws));
        var attestation = new Attestation(
            Guid.Parse("280202de-4d05-44bd-8a19-2b4b6c969162"), "demo-verifier", SnapshotFormat.Digest(Block("example2-jws")),
            Guid.Parse("2f8f025c-813d-42b9-9a7f-85c0de226979"), "NO-5001", 2020, "U4SSC KPI verification (ITU, 2022)",
            "U4SSC Verification Report - Trondheim (September 2020)", new DateTimeOffset(2020, 10, 1, 9, 0, 0, TimeSpan.Zero),
            [new Verdict("EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", VerdictOutcome.Verified)]);
        Assert.Equal(Block("example-attestation-payload"), Encoding.UTF8.GetString(AttestationJson.Serialize(attestation)));
    }

    [Fact]
    public void Readme_names_the_jose_version_pinned_in_package_json()
    {
        var package = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("tests", "interop", "jose", "package.json")))!;
        var version = (string)package["dependencies"]!["jose"]!;

        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Contains($"`jose`](https://www.npmjs.com/package/jose) `{version}`", Readme.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_lists_every_rejection_reason_with_its_number_and_nothing_else()
    {
        var rows = TableRows("rejection-reasons")
            .Select(cells => (Number: int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), Name: cells[1].Trim('`')))
            .ToArray();

        var expected = Enum.GetValues<RejectionReason>().Select(r => ((int)r, r.ToString())).ToArray();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Readme_kpi_appendix_is_the_catalogue()
    {
        var expected = KpiCatalogue.Default.All
            .Select(k => $"| `{k.Code}` | {k.Name} | {k.Unit.Kind} | `{k.Unit.Symbol}` | {DataPoints(k)} |");

        Assert.Equal(expected, TableLines("kpi-table"));
    }

    [Fact]
    public void Readme_data_point_table_is_the_catalogue()
    {
        var expected = KpiCatalogue.Default.All
            .Where(k => k.HasDataPoints)
            .Select(k => $"| `{k.Code}` | {k.Name} | `{k.Unit.Symbol}` | {DataPoints(k)} |");

        Assert.Equal(expected, TableLines("data-points"));
    }

    [Fact]
    public void Readme_unit_kind_table_has_every_kind_with_its_range_and_every_symbol_in_use()
    {
        var rows = TableRows("unit-kinds");

        Assert.Equal(Enum.GetNames<UnitKind>(), rows.Select(r => r[0]));
        foreach (var row in rows)
        {
            var kind = Enum.Parse<UnitKind>(row[0]);
            var kpis = KpiCatalogue.Default.All.Where(k => k.Unit.Kind == kind).ToArray();
            var unit = KpiUnit.For(kind, "");
            var symbols = kpis.GroupBy(k => k.Unit.Symbol, StringComparer.Ordinal).Select(g => $"`{g.Key}` ({g.Count()})");

            Assert.Equal(Range(unit), row[2]);
            Assert.Equal(kpis.Length == 0 ? "(none)" : string.Join("<br>", symbols), row[3]);
        }
    }

    private static string Range(KpiUnit unit) => unit switch
    {
        { WholeNumbersOnly: true, Minimum: 0, Maximum: 1 } => "`0` or `1`",
        { Maximum: { } max } => FormattableString.Invariant($"`{unit.Minimum}` ≤ value ≤ `{max}`"),
        { WholeNumbersOnly: true } => FormattableString.Invariant($"whole number ≥ `{unit.Minimum}`"),
        _ => FormattableString.Invariant($"value ≥ `{unit.Minimum}`"),
    };

    private static string DataPoints(Kpi kpi) =>
        kpi.HasDataPoints ? string.Join(", ", kpi.DataPoints.Select(d => $"`{d}`")) : "—";

    // The text between <!-- name --> and <!-- /name -->, without a surrounding code fence.
    internal static string Block(string name)
    {
        var text = Normalize(Readme.Value);
        var open = $"<!-- {name} -->\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, $"contracts/README.md has no '<!-- {name} -->' marker.");
        start += open.Length;
        var end = text.IndexOf($"<!-- /{name} -->", start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"contracts/README.md has no '<!-- /{name} -->' marker.");
        var lines = text[start..end].TrimEnd('\n').Split('\n');
        if (lines.Length >= 2 && lines[0].StartsWith("```", StringComparison.Ordinal) && lines[^1] == "```")
        {
            lines = lines[1..^1];
        }

        return string.Join('\n', lines);
    }

    // A table's body lines (after the header and the separator row).
    private static string[] TableLines(string name) => Block(name).Split('\n').Skip(2).ToArray();

    private static string[][] TableRows(string name) =>
        TableLines(name).Select(line => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToArray();

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
