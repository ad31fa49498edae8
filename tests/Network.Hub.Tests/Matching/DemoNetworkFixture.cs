using System.Net.Http.Json;
using Network.Hub.Cities;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Matching;

/// <summary>The hub with its demo network (Trondheim's real 2020 values, four cited cities and three synthetic ones), stored through the real pipeline.</summary>
public sealed class DemoNetworkFixture : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"network-demo-keys-{Guid.NewGuid():N}");

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; private set; } = null!;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        Hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Demo:Enabled"] = "true",
            ["Network:Demo:KeyDirectory"] = _keys,
        });
        using var client = Hub.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cities = await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken);
            if (cities!.Count(c => c.Snapshots > 0) >= 8)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The demo network did not publish its eight cities within a minute.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }
}
