using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Hub.Keys;
using Network.Hub.Storage;
using Network.Testing;

namespace Network.Testing.Hub;

/// <summary>
/// The real hub in process, on its own SQLite file, with no demo network: real HTTP through the test
/// server, the real ingestion pipeline and database. Extra settings (e.g. the RabbitMQ transport) are passed in.
/// </summary>
public class HubFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"network-test-{Guid.NewGuid():N}.db");

    /// <summary>The SQLite connection string of this hub's database.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString();

    /// <summary>The JSON options the hub writes with, so tests read responses the way clients should.</summary>
    public JsonSerializerOptions Json =>
        Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>Registers <paramref name="city"/> and its key in the hub's key registry.</summary>
    public async Task<TestCity> RegisterAsync(TestCity city)
    {
        await WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<KeyRegistry>();
            await registry.AddOrUpdateCityAsync(city.CityId, city.Name);
            await registry.RegisterKeyAsync(city.CityId, city.Keys.PublicJwk, city.Keys.KeyId, DateTimeOffset.UnixEpoch);
        });
        return city;
    }

    /// <summary>Runs <paramref name="query"/> against the hub's database in a fresh scope.</summary>
    public Task<T> QueryAsync<T>(Func<NetworkDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<NetworkDbContext>()));

    /// <summary>Runs <paramref name="action"/> in a fresh service scope of the hub.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="action"/> in a fresh service scope of the hub.</summary>
    public Task WithServicesAsync(Func<IServiceProvider, Task> action) =>
        WithServicesAsync<bool>(async s => { await action(s); return true; });

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Network:Storage:Provider", "Sqlite");
        builder.UseSetting("Network:Storage:ConnectionString", ConnectionString);
        builder.UseSetting("Network:Demo:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
