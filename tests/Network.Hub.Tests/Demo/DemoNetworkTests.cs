using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Hub.Cities;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Demo;

/// <summary>The embedded demo network: real nodes in process, real signatures, the real pipeline.</summary>
public sealed class DemoNetworkTests : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"network-demo-keys-{Guid.NewGuid():N}");
    private HubFactory _hub = null!;

    public ValueTask InitializeAsync()
    {
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Demo:Enabled"] = "true",
            ["Network:Demo:KeyDirectory"] = _keys,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task Starts_with_eight_cities_whose_signed_snapshots_are_stored_and_queryable()
    {
        using var client = _hub.CreateClient();

        var cities = await WaitForCitiesAsync(client, expected: 8);

        Assert.Contains(cities, c => c is { Id: "NO-5001", Name: "Trondheim", Synthetic: false, Snapshots: 1, LatestPeriod: 2020 });
        Assert.Equal(3, cities.Count(c => c.Synthetic && c.Name.Contains("synthetic", StringComparison.OrdinalIgnoreCase)));
        var trondheim = await _hub.QueryAsync(db => db.Snapshots.Include(s => s.Values).SingleAsync(s => s.CityId == "NO-5001"));
        Assert.Equal(54, trondheim.Values.Count);
        Assert.Equal(2.46, trondheim.Values.Single(v => v.KpiCode == "EN-EN-AQ-2C").Value);
        Assert.All(
            await _hub.QueryAsync(db => db.KpiValues.Where(v => v.CityId.StartsWith("NO-99")).Select(v => v.Source).Distinct().ToListAsync()),
            source => Assert.StartsWith("SYNTHETIC DEMO DATA", source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_demo_snapshot_carries_a_signature_that_verifies_against_the_registered_key()
    {
        using var client = _hub.CreateClient();
        await WaitForCitiesAsync(client, expected: 8);

        var stored = await _hub.QueryAsync(db => db.Snapshots.Select(s => s.Jws).ToListAsync());
        var keys = await _hub.QueryAsync(db => db.CityKeys.ToListAsync());
        var directory = new InMemoryKeyDirectory(keys.Select(k => new RegisteredKey(k.KeyId, k.CityId, EcPublicJwk.Parse(k.Jwk), k.ValidFrom)));
        var verifier = new SnapshotVerifier(directory, KpiCatalogue.Default, TimeProvider.System);

        Assert.Equal(8, stored.Count);
        foreach (var jws in stored)
        {
            Assert.Empty((await verifier.VerifyAsync(jws, TestContext.Current.CancellationToken)).Rejections);
        }
    }

    private static async Task<CityView[]> WaitForCitiesAsync(HttpClient client, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cities = await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken);
            if (cities!.Count(c => c.Snapshots > 0) >= expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, cities!.Count(c => c.Snapshots > 0));
                return cities!;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
