using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Benchmarking;
using Network.Contracts.Snapshots;
using Network.Hub.Keys;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.GraphQL;

/// <summary>
/// A hub holding a small network, filled through POST /api/snapshots with signed snapshots: Trondheim with real-like
/// values (a preliminary, then a final 2020 snapshot, and 2019), Bergen, and three synthetic demo cities. It has a
/// higher-is-better KPI (household internet access) and lower-is-better ones (unemployment, GHG emissions), a KPI
/// with data points (wireless coverage 3G/4G), and values some cities did not report.
/// </summary>
public sealed class SampleNetwork : IAsyncLifetime
{
    public const string Trondheim = "NO-5001", Bergen = "NO-4601", Fjordvik = "NO-9901", Nettby = "NO-9902", Elvdal = "NO-9903";
    public const string Internet = "EC-ICT-ICT-1C", Wireless = "EC-ICT-ICT-4C", Unemployment = "EC-P-EM-1C", WaterLoss = "EC-I-WS-3C",
        WaterSupply = "EC-I-WS-1C", Ghg = "EN-EN-AQ-2C", Physicians = "SC-EH-H-3C";

    public static readonly DateTimeOffset PreliminaryIssued = new(2020, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FinalIssued = new(2020, 9, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TestCity> _cities = [];

    public HubFactory Hub { get; } = new();

    /// <summary>The current 2020 values of every city, as the engine takes them.</summary>
    public List<ReportedValue> Values2020 { get; } = [];

    /// <summary>The receipts' digests of Trondheim's 2020 snapshots, by status.</summary>
    public Dictionary<SnapshotStatus, string> TrondheimDigests { get; } = [];

    public async ValueTask InitializeAsync()
    {
        using var client = Hub.CreateClient();
        var trondheim = await JoinAsync(Trondheim, "Trondheim", 212_660, synthetic: false);
        var bergen = await JoinAsync(Bergen, "Bergen", 291_940, synthetic: false);
        var fjordvik = await JoinAsync(Fjordvik, "Fjordvik (synthetic demo)", 48_000, synthetic: true);
        var nettby = await JoinAsync(Nettby, "Nettby (synthetic demo)", 95_000, synthetic: true);
        var elvdal = await JoinAsync(Elvdal, "Elvdal (synthetic demo)", 31_000, synthetic: true);

        TrondheimDigests[SnapshotStatus.Preliminary] = await PublishAsync(client, trondheim.Snapshot().WithStatus(SnapshotStatus.Preliminary).IssuedAt(PreliminaryIssued)
            .WithValues(Value(Internet, 97, "%"), Value(Unemployment, 1.5, "%")));
        TrondheimDigests[SnapshotStatus.Final] = await PublishAsync(client, trondheim.Snapshot().IssuedAt(FinalIssued).WithValues(
            Value(Internet, 98, "%"),
            Value(Wireless, 99.9, "%", "3G"),
            Value(Wireless, 99.5, "%", "4G"),
            Value(Unemployment, 1.34, "%"),
            Value(WaterSupply, 100, "%"),
            Value(WaterLoss, 28.42, "%"),
            Value(Ghg, 2.46, "tCO2e per capita per year"),
            Value(Physicians, 87.78, "physicians per 100,000 inhabitants")), current: true);
        await PublishAsync(client, trondheim.Snapshot().ForPeriod(2019).IssuedAt(FinalIssued.AddYears(-1)).WithValues(Value(Unemployment, 1.6, "%")));

        await PublishAsync(client, bergen.Snapshot().IssuedAt(FinalIssued).WithValues(
            Value(Internet, 95, "%"), Value(Wireless, 98, "%", "4G"), Value(Unemployment, 2.1, "%"), Value(WaterSupply, 99, "%"),
            Value(Ghg, 3.1, "tCO2e per capita per year")), current: true);
        await PublishAsync(client, fjordvik.Snapshot().IssuedAt(FinalIssued).WithValues(
            Value(Internet, 85.19, "%"), Value(Unemployment, 3.5, "%"), Value(Ghg, 1.9, "tCO2e per capita per year")), current: true);
        await PublishAsync(client, nettby.Snapshot().IssuedAt(FinalIssued).WithValues(
            Value(Internet, 100, "%"), Value(Unemployment, 2.8, "%")), current: true);
        await PublishAsync(client, elvdal.Snapshot().ForPeriod(2019).IssuedAt(FinalIssued.AddYears(-1)).WithValues(Value(Unemployment, 4.0, "%")));
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var city in _cities)
        {
            city.Dispose();
        }
    }

    private async Task<TestCity> JoinAsync(string id, string name, int population, bool synthetic)
    {
        var city = await Hub.RegisterAsync(new TestCity(id, name));
        await Hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().AddOrUpdateCityAsync(id, name, population, synthetic));
        _cities.Add(city);
        return city;
    }

    private async Task<string> PublishAsync(HttpClient client, SnapshotBuilder snapshot, bool current = false)
    {
        var built = snapshot.Build();
        using var response = await SnapshotDoor.PostAsync(client, snapshot.Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        if (current && built.Period == 2020)
        {
            Values2020.AddRange(built.Values.Select(v => ReportedValue.From(built.CityId, v, verified: false)));
        }

        return (await SnapshotDoor.ReadJsonAsync(response)).GetProperty("digest").GetString()!;
    }
}
