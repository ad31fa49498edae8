using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Snapshots;
using Network.Hub.Keys;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages.Cities;

/// <summary>
/// Four cities of different countries, sizes and coverage, published through the real door: Trondheim (NO, 206,000, one
/// Environment KPI), Bergen (NO, 290,000, three Environment KPIs), Fjordvik (NO, 48,000) and Helsinki (FI, population
/// not stated, one value).
/// </summary>
public sealed class NetworkPageFixture : IAsyncLifetime
{
    private readonly TestCity[] _cities =
    [
        new("NO-5001", "Trondheim"), new("NO-4601", "Bergen"), new("NO-9901", "Fjordvik"), new("FI-091", "Helsinki"),
    ];

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; } = new();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        int?[] populations = [206_000, 290_000, 48_000, null];
        for (var i = 0; i < _cities.Length; i++)
        {
            var city = _cities[i];
            await Hub.RegisterAsync(city);
            var population = populations[i];
            await Hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().AddOrUpdateCityAsync(city.CityId, city.Name, population));
        }

        await PublishAsync(_cities[0], Value("EC-ICT-ICT-1C", 95, "%"), Value("EC-P-EM-1C", 1.34, "%"), Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year"));
        await PublishAsync(_cities[1], Value("EC-P-EM-1C", 3.0, "%"), Value("EN-EN-AQ-2C", 3.1, "tCO2e per capita per year"),
            Value("EN-EN-EQ-2A", 40, "%"), Value("EN-E-E-1C", 20, "%"));
        await PublishAsync(_cities[2], Value("EC-P-EM-1C", 5.0, "%"));
        await PublishAsync(_cities[3], Value("EC-P-EM-1C", 7.0, "%"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var city in _cities)
        {
            city.Dispose();
        }
    }

    private async Task PublishAsync(TestCity city, params KpiValue[] values)
    {
        using var client = Hub.CreateClient();
        using var response = await SnapshotDoor.PostAsync(client, city.Snapshot().ForPeriod(2020).WithValues(values).Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
