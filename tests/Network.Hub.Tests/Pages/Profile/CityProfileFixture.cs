using System.Net;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages.Profile;

/// <summary>
/// Three cities that report unemployment (EC-P-EM-1C, lower is better) for 2020: Trondheim 1.34, Bergen 3, Fjordvik 5;
/// Trondheim also household internet access (EC-ICT-ICT-1C, 95 %, which the default target set scores) and a 2019
/// unemployment figure (1.5), for a trend. Helsinki's 0.5 and Trondheim's 2021 are preliminary: the public never sees
/// them, not even through a rank.
/// </summary>
public sealed class CityProfileFixture : IAsyncLifetime
{
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly TestCity _fjordvik = new("NO-9901", "Fjordvik");
    private readonly TestCity _helsinki = new("FI-091", "Helsinki");

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; } = new();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        foreach (var city in new[] { _trondheim, _bergen, _fjordvik, _helsinki })
        {
            await Hub.RegisterAsync(city);
        }

        await PublishAsync(_trondheim.Snapshot().ForPeriod(2019).WithValues(Value("EC-P-EM-1C", 1.5, "%")));
        await PublishAsync(_trondheim.Snapshot().ForPeriod(2020).WithValues(
            Value("EC-ICT-ICT-1C", 95, "%"),
            new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "NAV register 2020", "published-note-never-shown")));
        await PublishAsync(_trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).WithValues(
            new KpiValue("EC-P-EM-1C", null, 77.125, "%", DataQuality.Measured, "Trondheim kommune", "draft", "preliminary-note-never-shown")));
        await PublishAsync(_bergen.Snapshot().ForPeriod(2020).WithValues(Value("EC-P-EM-1C", 3, "%")));
        await PublishAsync(_fjordvik.Snapshot().ForPeriod(2020).WithValues(Value("EC-P-EM-1C", 5, "%")));
        await PublishAsync(_helsinki.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary).WithValues(Value("EC-P-EM-1C", 0.5, "%")));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
        _fjordvik.Dispose();
        _helsinki.Dispose();
    }

    private async Task PublishAsync(SnapshotBuilder snapshot)
    {
        using var client = Hub.CreateClient();
        using var response = await SnapshotDoor.PostAsync(client, snapshot.Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
