using System.Net;
using System.Text.Json;
using Network.Hub.Tests.Exports;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.OData;
using Network.Testing.Hub;
using static Network.Hub.Tests.Embargo.EmbargoNetwork;

namespace Network.Hub.Tests.Embargo;

/// <summary>
/// Preliminary figures stay inside the network: no anonymous query path returns them, whichever door, nesting,
/// expansion or aggregation it takes, and not through a statistic either; a member sees them.
/// </summary>
public sealed class EmbargoTests(EmbargoNetwork network) : IClassFixture<EmbargoNetwork>
{
    private const string Compare = """
        { compare(cities: ["NO-5001", "NO-4601", "NO-1507"], kpis: ["EC-ICT-ICT-1C"], period: 2020) {
            rows { reportingCount networkMedian cells { cityId reported value rank } } } }
        """;

    [Fact]
    public async Task GraphQL_compare_shows_an_anonymous_reader_no_embargoed_value_nor_counts_it_in_the_statistics()
    {
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();

        var publicRow = (await GraphQLAnswer.PostAsync(anonymous, Compare)).Ok().At("compare.rows").Items().Single();
        var memberRow = (await GraphQLAnswer.PostAsync(member, Compare)).Ok().At("compare.rows").Items().Single();

        // Public: Trondheim 98 and Ålesund's corrected 85; Bergen has reported nothing public.
        Assert.Equal([98, null, 85], publicRow.GetProperty("cells").Items().Select(c => c.GetProperty("value").Number()));
        Assert.Equal(2, publicRow.GetProperty("reportingCount").GetInt32());
        Assert.Equal(91.5, publicRow.GetProperty("networkMedian").GetDouble(), 9);
        // Members: Bergen's correction of its preliminary figure, 91, ranks second of three.
        Assert.Equal([98, 91, 85], memberRow.GetProperty("cells").Items().Select(c => c.GetProperty("value").Number()));
        Assert.Equal(3, memberRow.GetProperty("reportingCount").GetInt32());
        Assert.Equal(91, memberRow.GetProperty("networkMedian").GetDouble(), 9);
    }

    [Fact]
    public async Task GraphQL_nested_snapshots_values_and_history_of_a_city_hide_its_embargoed_snapshots()
    {
        var query = $$"""
            { city(id: "{{network.Bergen}}") {
                snapshots { id status values { value } }
                values(period: 2020) { value snapshotId }
                history(kpi: "{{Internet}}") { value snapshot { id status } } } }
            """;
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();

        var publicCity = (await GraphQLAnswer.PostAsync(anonymous, query)).Ok().At("city");
        var memberCity = (await GraphQLAnswer.PostAsync(member, query)).Ok().At("city");

        Assert.Empty(publicCity.GetProperty("snapshots").Items());
        Assert.Empty(publicCity.GetProperty("values").Items());
        Assert.Empty(publicCity.GetProperty("history").Items());
        Assert.Equal(["CORRECTION", "PRELIMINARY"], memberCity.GetProperty("snapshots").Items().Select(s => s.GetProperty("status").GetString()!).Order());
        Assert.Equal([91], memberCity.GetProperty("values").Items().Select(v => v.GetProperty("value").GetDouble()));
        Assert.Equal([90, 91], memberCity.GetProperty("history").Items().Select(v => v.GetProperty("value").GetDouble()).Order());
    }

    [Theory]
    [InlineData("/odata/KpiValues?$filter=CityId eq 'NO-4601'")]
    [InlineData("/odata/KpiValues?$filter=Period eq 2020&$expand=Snapshot,City")]
    [InlineData("/odata/KpiValues?$filter=Current and CityId eq 'NO-4601'")]
    [InlineData("/odata/Snapshots?$filter=CityId eq 'NO-4601'")]
    [InlineData("/odata/Snapshots?$expand=Values")]
    [InlineData("/odata/KpiValues?$apply=groupby((CityId),aggregate($count as Rows))")]
    [InlineData("/odata/KpiValues?$apply=filter(CityId eq 'NO-4601')/aggregate(Value with max as Highest)")]
    public async Task OData_returns_an_anonymous_reader_nothing_of_an_embargoed_snapshot_through_filter_expand_or_apply(string url)
    {
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();

        var publicText = await OkAnswers.GetTextAsync(anonymous, url);
        var memberText = await OkAnswers.GetTextAsync(member, url);

        // Bergen's figures (90 and 91) and its snapshot ids appear to the member and never to the public.
        foreach (var secret in new[] { network.BergenPreliminary.SnapshotId.ToString(), network.BergenCorrection.SnapshotId.ToString(), "\"Value\":90", "\"Value\":91", "\"Highest\":9", "\"CityId\":\"NO-4601\"" })
        {
            Assert.DoesNotContain(secret, publicText, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(
            memberText.Contains(network.BergenCorrection.SnapshotId.ToString(), StringComparison.OrdinalIgnoreCase)
            || memberText.Contains("\"CityId\":\"NO-4601\"", StringComparison.Ordinal)
            || memberText.Contains("\"Highest\":91", StringComparison.Ordinal),
            $"A member should see Bergen's figures through {url}: {memberText}");
    }

    [Fact]
    public async Task Comparison_export_and_the_REST_views_follow_the_same_embargo()
    {
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();
        const string export = "/api/compare.csv?cities=NO-5001,NO-4601,NO-1507&kpis=EC-ICT-ICT-1C&period=2020";

        var publicCsv = await CsvTable.GetAsync(anonymous, export);
        var memberCsv = await CsvTable.GetAsync(member, export);
        Assert.Equal("", publicCsv.Field(publicCsv.Row(Internet), $"{network.Bergen} value"));
        Assert.Equal(91, double.Parse(memberCsv.Field(memberCsv.Row(Internet), $"{network.Bergen} value"), System.Globalization.CultureInfo.InvariantCulture));

        var preliminary = $"/api/snapshots/{network.BergenPreliminary.SnapshotId}";
        using (var response = await anonymous.GetAsync(preliminary, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await member.GetAsync(preliminary, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var publicList = await OkAnswers.GetTextAsync(anonymous, $"/api/cities/{network.Bergen}/snapshots");
        var memberList = await OkAnswers.GetTextAsync(member, $"/api/cities/{network.Bergen}/snapshots");
        Assert.DoesNotContain(network.BergenPreliminary.SnapshotId.ToString(), publicList, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(network.BergenPreliminary.SnapshotId.ToString(), memberList, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_correction_of_a_final_snapshot_is_public_and_a_publishing_token_reads_like_the_public()
    {
        using var node = await network.Hub.CreateClientAsync(await network.Hub.AddNodeClientAsync(network.Alesund, ["snapshots:publish"]), "snapshots:publish");

        var rows = (await OkAnswers.GetJsonAsync(node, "/odata/KpiValues?$filter=Current and Period eq 2020&$orderby=CityId"))
            .GetProperty("value").Items();

        // Ålesund's correction (85) replaced its final 80 in public; Bergen's correction of a preliminary is absent.
        Assert.Equal([(network.Alesund, 85.0), (network.Trondheim, 98.0)],
            rows.Select(r => (r.GetProperty("CityId").GetString()!, r.GetProperty("Value").GetDouble())));
        Assert.Contains(rows, r => r.GetProperty("SnapshotId").GetString() == network.AlesundCorrection.SnapshotId.ToString());
    }

    [Fact]
    public async Task The_cities_notes_are_for_members_only_on_every_door()
    {
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();
        const string query = """{ city(id: "NO-5001") { values(period: 2020) { note } snapshots { id jws disclosures values { note } } } }""";
        const string feed = "/odata/KpiValues?$filter=CityId eq 'NO-5001'&$select=Note";

        var publicCity = (await GraphQLAnswer.PostAsync(anonymous, query)).Ok().At("city");
        var memberCity = (await GraphQLAnswer.PostAsync(member, query)).Ok().At("city");

        Assert.All(publicCity.GetProperty("values").Items(), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("note").ValueKind));
        Assert.All(publicCity.GetProperty("snapshots").Items().SelectMany(s => s.GetProperty("values").Items()), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("note").ValueKind));
        Assert.Equal(["a note for the network"], memberCity.GetProperty("values").Items().Select(v => v.GetProperty("note").GetString()!));
        // Its snapshot is format 1 with the note in the clear: the JWS stays with members, on GraphQL and REST alike.
        var snapshot = Assert.Single(publicCity.GetProperty("snapshots").Items());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("jws").ValueKind);
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("disclosures").ValueKind);
        Assert.NotNull(Assert.Single(memberCity.GetProperty("snapshots").Items()).GetProperty("jws").GetString());
        var rest = await OkAnswers.GetTextAsync(anonymous, $"/api/snapshots/{snapshot.GetProperty("id").GetString()}");
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(rest).RootElement.GetProperty("jws").ValueKind);
        Assert.DoesNotContain("a note for the network", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("a note for the network", await OkAnswers.GetTextAsync(anonymous, feed), StringComparison.Ordinal);
        Assert.Contains("a note for the network", await OkAnswers.GetTextAsync(member, feed), StringComparison.Ordinal);
    }
}
