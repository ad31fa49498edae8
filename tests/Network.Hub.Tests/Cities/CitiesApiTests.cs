using System.Net;
using System.Net.Http.Json;
using Network.Hub.Cities;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Cities;

public sealed class CitiesApiTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
    }

    [Fact]
    public async Task Lists_every_member_city_with_how_much_it_has_published()
    {
        using var client = _hub.CreateClient();
        using var _ = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2019).Sign());
        using var __ = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2020).Sign());

        var cities = await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken);

        // No verifier attested anything: none of Trondheim's current values is verified.
        var values = 2 * _trondheim.Snapshot().Build().Values.Count;
        Assert.Equal(
            [new CityView("NO-4601", "Bergen", null, false, 0, null), new CityView("NO-5001", "Trondheim", null, false, 2, 2020, values, 0, 0)],
            cities!);
    }

    [Fact]
    public async Task Lists_a_citys_snapshots_newest_period_first()
    {
        using var client = _hub.CreateClient();
        using var _ = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2019).Sign());
        using var __ = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2020).Sign());

        var snapshots = await client.GetFromJsonAsync<SnapshotSummary[]>("/api/cities/NO-5001/snapshots", _hub.Json, TestContext.Current.CancellationToken);

        Assert.Equal([2020, 2019], snapshots!.Select(s => s.Period));
        Assert.All(snapshots!, s => Assert.Equal(4, s.Values));
    }

    [Fact]
    public async Task An_unknown_city_is_a_404_problem_naming_it()
    {
        using var client = _hub.CreateClient();

        using var response = await client.GetAsync("/api/cities/NO-9999/snapshots", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NO-9999", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
