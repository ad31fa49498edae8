using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Performance;

/// <summary>
/// The real hub in this process, on a real Kestrel port (so requests cross real sockets, HTTP parsing and response
/// writing, unlike the test server), on a SQLite file that outlives it, without the demo network. Unlike
/// <c>HubFactory</c>, it neither picks nor deletes its database: the comparison database is built once and kept.
/// </summary>
public sealed class ComparisonHub : WebApplicationFactory<global::Program>
{
    private readonly string _databasePath;

    /// <summary>Configures the hub on <paramref name="databasePath"/>; <see cref="Start"/> starts it.</summary>
    public ComparisonHub(string databasePath)
    {
        _databasePath = databasePath;
        UseKestrel(0); // a free port: several runs (or other people's hubs) can share the machine
    }

    /// <summary>The hub's address, e.g. <c>http://127.0.0.1:41234/</c>; known once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost/");

    /// <summary>Starts the hub (migrations first) and returns its address.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return BaseAddress;
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Network:Storage:Provider", "Sqlite");
        builder.UseSetting("Network:Storage:ConnectionString", new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = true }.ToString());
        builder.UseSetting("Network:Demo:Enabled", "false");
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools(); // releases the file, so a later run (or --rebuild) can replace it
        GC.SuppressFinalize(this);
    }
}
