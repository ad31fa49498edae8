using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Ingestion;
using Network.Hub.Keys;
using Network.Hub.Storage;

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

    /// <summary>
    /// Registers <paramref name="city"/> and its key in the hub's key registry, and gives it a node client with a known
    /// secret (<see cref="TestTokens.NodeSecret"/>), so tests can publish as the city (<see cref="TestTokens"/>).
    /// </summary>
    public async Task<TestCity> RegisterAsync(TestCity city)
    {
        await WithServicesAsync(async services =>
        {
            var registry = services.GetRequiredService<KeyRegistry>();
            await registry.AddOrUpdateCityAsync(city.CityId, city.Name);
            await registry.RegisterKeyAsync(city.CityId, city.Keys.PublicJwk, city.Keys.KeyId, DateTimeOffset.UnixEpoch);
        });
        await AddNodeClientAsync(city.CityId, secret: TestTokens.NodeSecret(city.CityId));
        return city;
    }

    /// <summary>Creates (or gives a new secret to) the OAuth client of <paramref name="cityId"/>'s node.</summary>
    public Task<ClientCredentials> AddNodeClientAsync(string cityId, IReadOnlyList<string>? scopes = null, string? secret = null) =>
        WithServicesAsync(services => services.GetRequiredService<ClientRegistry>().AddNodeClientAsync(cityId, scopes: scopes, secret: secret));

    /// <summary>Creates (or gives a new secret to) a coordinator's OAuth client, by default with the coordinator's scopes.</summary>
    public Task<ClientCredentials> AddCoordinatorClientAsync(string name, IReadOnlyList<string>? scopes = null) =>
        WithServicesAsync(services => services.GetRequiredService<ClientRegistry>().AddCoordinatorClientAsync(name, scopes));

    /// <summary>An HTTP client that sends an access token of <paramref name="credentials"/> (every scope the client may have) with every request.</summary>
    public async Task<HttpClient> CreateClientAsync(ClientCredentials credentials, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var client = CreateClient();
        return client.WithToken(await TestTokens.RequestAsync(client, credentials.ClientId, credentials.ClientSecret, scope));
    }

    /// <summary>An HTTP client authenticated as <paramref name="cityId"/>'s node (the city must be registered with <see cref="RegisterAsync"/>).</summary>
    public async Task<HttpClient> CreateNodeClientAsync(string cityId)
    {
        var client = CreateClient();
        return client.WithToken(await TestTokens.RequestAsync(client, TestTokens.NodeClientId(cityId), TestTokens.NodeSecret(cityId)));
    }

    /// <summary>Runs <paramref name="query"/> against the hub's database in a fresh scope, reading everything as the hub's operator does.</summary>
    public Task<T> QueryAsync<T>(Func<NetworkDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<NetworkDbContext>()));

    /// <summary>
    /// Runs <paramref name="action"/> in a fresh service scope of the hub that reads the members' view, as the hub's
    /// own work does (a scope nobody decided for reads the public view).
    /// </summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateNetworkScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Ingests <paramref name="jws"/> through the hub's own pipeline, as the HTTP door does, and returns what it answered.</summary>
    public Task<IngestionOutcome> IngestAsync(string jws, CancellationToken cancellationToken = default) =>
        WithServicesAsync(s => s.GetRequiredService<SnapshotIngestion>().IngestAsync(new Submission(jws, SubmissionDoor.Http), cancellationToken));

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
        // Loads at start would race the tests' own reads and load counts; EnginePreloadTests turns it on.
        builder.UseSetting("Network:Scores:PreloadAtStart", "false");
        // Every client of the in-memory test server has the same (no) address, and one hub serves many tests: the
        // limits are lifted here; the rate-limit tests set their own.
        builder.UseSetting("Network:RateLimits:Anonymous:PermitLimit", "1000000");
        builder.UseSetting("Network:RateLimits:Token:PermitLimit", "1000000");
        builder.UseSetting("Network:RateLimits:Enrollment:PermitLimit", "1000000");
        builder.UseSetting("Network:RateLimits:SignIn:PermitLimit", "1000000");
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
