using Network.Testing.Hub;
using System.Text.Json;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.GraphQL;

public sealed class CityQueryTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    [Fact]
    public async Task Lists_member_cities_by_id_with_population_and_whether_their_data_is_synthetic()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var cities = (await GraphQLAnswer.PostAsync(client, "{ cities { id name population synthetic } }")).Ok().At("cities").Items();

        Assert.Equal([Bergen, Trondheim, Fjordvik, Nettby, Elvdal], cities.Select(c => c.GetProperty("id").GetString()!));
        var trondheim = cities[1];
        Assert.Equal("Trondheim", trondheim.GetProperty("name").GetString());
        Assert.Equal(212_660, trondheim.GetProperty("population").GetInt32());
        Assert.False(trondheim.GetProperty("synthetic").GetBoolean());
        Assert.True(cities[2].GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public async Task Pages_through_cities_with_first_and_after()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var data = (await GraphQLAnswer.PostAsync(client, """
            { page1: cities(first: 2) { id } page2: cities(first: 2, after: "NO-5001") { id } }
            """)).Ok();

        Assert.Equal([Bergen, Trondheim], data.At("page1").Items().Select(c => c.GetProperty("id").GetString()!));
        Assert.Equal([Fjordvik, Nettby], data.At("page2").Items().Select(c => c.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task A_citys_snapshots_are_every_accepted_snapshot_with_status_times_and_receipt_digest()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var snapshots = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-5001") { snapshots { id period status supersedes issuedAt receivedAt digest valueCount catalogueVersion } } }
            """)).Ok().At("city.snapshots").Items();

        Assert.Equal([(2020, "FINAL"), (2020, "PRELIMINARY"), (2019, "FINAL")],
            snapshots.Select(s => (s.GetProperty("period").GetInt32(), s.GetProperty("status").GetString()!)));
        Assert.Equal([8, 2, 1], snapshots.Select(s => s.GetProperty("valueCount").GetInt32()));
        Assert.Equal(network.TrondheimDigests[Contracts.Snapshots.SnapshotStatus.Final], snapshots[0].GetProperty("digest").GetString());
        Assert.Equal(network.TrondheimDigests[Contracts.Snapshots.SnapshotStatus.Preliminary], snapshots[1].GetProperty("digest").GetString());
        Assert.Equal(FinalIssued, snapshots[0].GetProperty("issuedAt").GetDateTimeOffset());
        Assert.True(snapshots[0].GetProperty("receivedAt").GetDateTimeOffset() > FinalIssued);
        Assert.Equal(JsonValueKind.Null, snapshots[0].GetProperty("supersedes").ValueKind);
    }

    [Fact]
    public async Task A_snapshot_lists_its_own_values_with_data_points_in_catalogue_order()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var snapshot = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-5001") { snapshots(period: 2020, first: 1) { status values { kpiCode dataPoint value } } } }
            """)).Ok().At("city.snapshots.0");

        Assert.Equal("FINAL", snapshot.GetProperty("status").GetString());
        Assert.Equal(
            [(Internet, null, 98), (Wireless, "3G", 99.9), (Wireless, "4G", 99.5), (Unemployment, null, 1.34), (WaterSupply, null, 100),
             (WaterLoss, null, 28.42), (Ghg, null, 2.46), (Physicians, null, 87.78)],
            snapshot.GetProperty("values").Items().Select(v => (v.GetProperty("kpiCode").GetString()!, v.GetProperty("dataPoint").Text(), v.GetProperty("value").GetDouble())));
    }

    [Fact]
    public async Task An_unknown_city_is_null_without_an_error()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var data = (await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-9999") { name } }""")).Ok();

        Assert.Equal(JsonValueKind.Null, data.At("city").ValueKind);
    }

    [Fact]
    public async Task Values_are_those_of_the_current_snapshot_of_each_period_with_their_provenance()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var city = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-5001") {
                of2020: values(period: 2020) { kpiCode value unit quality origin source period }
                all: values { kpiCode value period } } }
            """)).Ok().At("city");

        var of2020 = city.GetProperty("of2020").Items();
        Assert.Equal(8, of2020.Length);
        var unemployment = of2020.Single(v => v.GetProperty("kpiCode").GetString() == Unemployment);
        Assert.Equal(1.34, unemployment.GetProperty("value").GetDouble()); // the final snapshot's, not the preliminary 1.5
        Assert.Equal("%", unemployment.GetProperty("unit").GetString());
        Assert.Equal("MEASURED", unemployment.GetProperty("quality").GetString());
        Assert.Equal("Trondheim kommune", unemployment.GetProperty("origin").GetString());
        Assert.Equal([2020, 2019], city.GetProperty("all").Items().Select(v => v.GetProperty("period").GetInt32()).Distinct());
        Assert.Equal(1.6, city.GetProperty("all").Items().Single(v => v.GetProperty("period").GetInt32() == 2019).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task History_lists_each_snapshots_value_of_a_kpi_oldest_first_and_marks_the_current_ones()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var history = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-5001") { history(kpi: "EC-P-EM-1C") { period value unit current snapshot { status issuedAt } } } }
            """)).Ok().At("city.history").Items();

        Assert.Equal(
            [(2019, 1.6, true, "FINAL"), (2020, 1.5, false, "PRELIMINARY"), (2020, 1.34, true, "FINAL")],
            history.Select(h => (h.GetProperty("period").GetInt32(), h.GetProperty("value").GetDouble(), h.GetProperty("current").GetBoolean(),
                h.At("snapshot.status").GetString()!)));
    }

    [Fact]
    public async Task History_of_a_code_not_in_the_catalogue_is_an_error_naming_it()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var answer = await GraphQLAnswer.PostAsync(client, """{ city(id: "NO-5001") { history(kpi: "EC-NOPE") { value } } }""");

        var error = Assert.Single(answer.Errors);
        Assert.Contains("EC-NOPE", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNKNOWN_KPI", error.At("extensions.code").GetString());
        Assert.Equal(["city", "history"], error.GetProperty("path").Items().Select(p => p.GetString()!));
    }
}
