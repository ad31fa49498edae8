using System.Net;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages.Desk.CoordinatorDesk;

/// <summary>
/// A small network for the coordinator's desk: three cities with final 2020 snapshots over seven KPIs, Trondheim strong in
/// ICT and weak in water, Bergen the other way round, Stockholm in between and without Physicians (reported by two cities).
/// </summary>
internal sealed class DeskNetwork : IDisposable
{
    public const string Internet = "EC-ICT-ICT-1C", Wireless = "EC-ICT-ICT-4C", Unemployment = "EC-P-EM-1C", WaterLoss = "EC-I-WS-3C",
        WaterSupply = "EC-I-WS-1C", Ghg = "EN-EN-AQ-2C", Physicians = "SC-EH-H-3C";

    public TestCity Trondheim { get; } = TestCity.Trondheim();

    public TestCity Bergen { get; } = TestCity.Bergen();

    public TestCity Stockholm { get; } = new("SE-0180", "Stockholm");

    /// <summary>Registers the cities and posts their snapshots.</summary>
    public async Task PublishAsync(HubFactory hub)
    {
        foreach (var city in new[] { Trondheim, Bergen, Stockholm })
        {
            await hub.RegisterAsync(city);
        }

        using var client = hub.CreateClient();
        await PostAsync(client, Trondheim.Snapshot().ForPeriod(2020).WithValues(
            Value(Internet, 98, "%"), Value(Wireless, 99.5, "%", "4G"), Value(Unemployment, 1.34, "%"), Value(WaterSupply, 90, "%"),
            Value(WaterLoss, 35, "%"), Value(Ghg, 2.46, "tCO2e per capita per year"), Value(Physicians, 87.78, "physicians per 100,000 inhabitants")));
        await PostAsync(client, Bergen.Snapshot().ForPeriod(2020).WithValues(
            Value(Internet, 80, "%"), Value(Wireless, 90, "%", "4G"), Value(Unemployment, 2.5, "%"), Value(WaterSupply, 100, "%"),
            Value(WaterLoss, 12, "%"), Value(Ghg, 1.9, "tCO2e per capita per year"), Value(Physicians, 120, "physicians per 100,000 inhabitants")));
        await PostAsync(client, Stockholm.Snapshot().ForPeriod(2020).WithValues(
            Value(Internet, 90, "%"), Value(Wireless, 95, "%", "4G"), Value(Unemployment, 2, "%"), Value(WaterSupply, 95, "%"),
            Value(WaterLoss, 20, "%"), Value(Ghg, 2.2, "tCO2e per capita per year")));
    }

    public void Dispose()
    {
        Trondheim.Dispose();
        Bergen.Dispose();
        Stockholm.Dispose();
    }

    private static async Task PostAsync(HttpClient client, SnapshotBuilder snapshot)
    {
        using var response = await SnapshotDoor.PostAsync(client, snapshot.Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
