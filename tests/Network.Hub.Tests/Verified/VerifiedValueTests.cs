using System.Text.Json;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.OData;
using Network.Testing.Hub;
using static Network.Hub.Tests.Verified.VerifiedNetwork;

namespace Network.Hub.Tests.Verified;

/// <summary>Every reader shows each value's current verdict: verified or not, which verdict, by whom, when, and in which attestation.</summary>
public sealed class VerifiedValueTests(VerifiedNetwork network) : IClassFixture<VerifiedNetwork>
{
    private const string Values = """
        query Values($city: ID!) {
          city(id: $city) { values(period: 2020) { kpiCode value verified verdict verifiedBy verifiedAt attestationDigest } }
        }
        """;

    [Fact]
    public async Task A_correction_keeps_the_verdicts_of_the_values_it_leaves_unchanged_and_loses_those_of_the_values_it_changes()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var values = await ValuesAsync(client, Trondheim);

        Assert.Equal((99.0, false, (string?)null), (values[Internet].Number("value")!.Value, values[Internet].GetProperty("verified").GetBoolean(), values[Internet].Text("verdict")));
        Assert.Null(values[Internet].Text("verifiedBy"));
        Assert.True(values[Unemployment].GetProperty("verified").GetBoolean());
        Assert.Equal("verified", values[Unemployment].Text("verdict"));
        Assert.Equal(Verifier, values[Unemployment].Text("verifiedBy"));
        Assert.Equal(AttestedAt, values[Unemployment].GetProperty("verifiedAt").GetDateTimeOffset());
        Assert.Equal(network.TrondheimDigest, values[Unemployment].Text("attestationDigest"));
        Assert.Equal(("question", false), (values[Ghg].Text("verdict"), values[Ghg].GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task A_not_verified_verdict_reads_as_not_verified_with_its_verifier()
    {
        using var client = network.Hub.CreateClient();

        var values = await ValuesAsync(client, Alesund);

        Assert.Equal(("not-verified", false, Verifier), (values[Ghg].Text("verdict"), values[Ghg].GetProperty("verified").GetBoolean(), values[Ghg].Text("verifiedBy")));
        Assert.True(values[Internet].GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task A_verdict_on_a_preliminary_snapshot_is_seen_by_members_and_never_by_the_public()
    {
        using var member = await network.Hub.CreateMemberClientAsync();
        using var anonymous = network.Hub.CreateClient();

        var members = await ValuesAsync(member, Bergen);
        var anyone = await ValuesAsync(anonymous, Bergen);
        var memberRows = await OkAnswers.GetJsonAsync(member, $"/odata/KpiValues?$filter=CityId eq '{Bergen}' and KpiCode eq '{Internet}' and Current eq true&$select=Verified,Verdict,VerifiedBy");
        var publicRows = await OkAnswers.GetJsonAsync(anonymous, $"/odata/KpiValues?$filter=CityId eq '{Bergen}' and KpiCode eq '{Internet}'&$select=Verified,Verdict,VerifiedBy,AttestationDigest");

        // The final snapshot reports the same 95 the preliminary one did: the verdict binds to the value, not the row.
        Assert.Equal((true, Verifier), (members[Internet].GetProperty("verified").GetBoolean(), members[Internet].Text("verifiedBy")));
        Assert.Equal((false, (string?)null, (string?)null), (anyone[Internet].GetProperty("verified").GetBoolean(), anyone[Internet].Text("verdict"), anyone[Internet].Text("attestationDigest")));
        Assert.True(Assert.Single(memberRows.GetProperty("value").EnumerateArray()).GetProperty("Verified").GetBoolean());
        var row = Assert.Single(publicRows.GetProperty("value").EnumerateArray());
        Assert.Equal((false, JsonValueKind.Null, JsonValueKind.Null), (row.GetProperty("Verified").GetBoolean(), row.GetProperty("Verdict").ValueKind, row.GetProperty("AttestationDigest").ValueKind));
    }

    [Fact]
    public async Task The_stored_snapshot_lists_its_values_with_their_verdicts()
    {
        using var client = network.Hub.CreateClient();

        var original = await OkAnswers.GetJsonAsync(client, $"/api/snapshots/{network.TrondheimOriginal.SnapshotId}");
        var correction = await OkAnswers.GetJsonAsync(client, $"/api/snapshots/{network.TrondheimCorrection.SnapshotId}");

        // The original's 98 was verified (it still is, as a number); the correction's 99 has no verdict yet.
        Assert.Equal([("EC-ICT-ICT-1C", true), ("EC-P-EM-1C", true), ("EN-EN-AQ-2C", false)], Flags(original));
        Assert.Equal([("EC-ICT-ICT-1C", false), ("EC-P-EM-1C", true), ("EN-EN-AQ-2C", false)], Flags(correction));
        var unemployment = correction.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("kpi").GetString() == Unemployment);
        Assert.Equal((Verifier, network.TrondheimDigest, "verified"), (unemployment.Text("verifiedBy"), unemployment.Text("attestationDigest"), unemployment.Text("verdict")));
        Assert.Equal(AttestedAt, unemployment.GetProperty("verifiedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_feed_shows_the_verdict_columns_for_every_stored_value()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var rows = (await OkAnswers.GetJsonAsync(client, $"/odata/KpiValues?$filter=CityId eq '{Trondheim}' and Current eq true&$select=KpiCode,Verified,Verdict,VerifiedBy,VerifiedAt,AttestationDigest&$orderby=KpiCode"))
            .GetProperty("value").EnumerateArray().ToArray();

        Assert.Equal([Internet, Unemployment, Ghg], rows.Select(r => r.Text("KpiCode")));
        Assert.Equal([false, true, false], rows.Select(r => r.GetProperty("Verified").GetBoolean()));
        Assert.Equal([null, "verified", "question"], rows.Select(r => r.Text("Verdict")));
        Assert.Equal([null, Verifier, Verifier], rows.Select(r => r.Text("VerifiedBy")));
        Assert.Equal(AttestedAt, rows[1].GetProperty("VerifiedAt").GetDateTimeOffset());
        Assert.Equal(network.TrondheimDigest, rows[1].Text("AttestationDigest"));
    }

    private static List<(string, bool)> Flags(JsonElement snapshot) =>
        [.. snapshot.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("kpi").GetString()!, v.GetProperty("verified").GetBoolean()))];

    private static async Task<Dictionary<string, JsonElement>> ValuesAsync(HttpClient client, string city) =>
        (await GraphQLAnswer.PostAsync(client, Values, new { city })).Ok().At("city.values").Items()
            .ToDictionary(v => v.GetProperty("kpiCode").GetString()!);
}
