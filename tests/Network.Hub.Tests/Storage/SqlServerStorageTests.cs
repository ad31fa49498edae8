using System.Net;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using Testcontainers.MsSql;

namespace Network.Hub.Tests.Storage;

/// <summary>
/// The production provider: SQL Server in a container, migrated at start-up by the hub, fed through the real
/// HTTP door. Skipped with the reason when no Docker engine is reachable; the SQLite path runs everywhere.
/// </summary>
public sealed class SqlServerStorageTests
{
    [Fact]
    public async Task The_hub_migrates_sql_server_and_stores_a_snapshot_with_its_values()
    {
        DockerEngine.Require("the SQL Server storage test runs SQL Server through Testcontainers and needs one. The same tests run on SQLite everywhere.");
        await using var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync(TestContext.Current.CancellationToken);
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Storage:Provider"] = "SqlServer",
            ["Network:Storage:ConnectionString"] = container.GetConnectionString(),
        });
        using var trondheim = await hub.RegisterAsync(TestCity.Trondheim());
        using var client = hub.CreateClient();
        var jws = trondheim.Snapshot().Sign();

        using var response = await SnapshotDoor.PostAsync(client, jws);
        using var again = await SnapshotDoor.PostAsync(client, jws);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var stored = await hub.QueryAsync(db => db.Snapshots.Include(s => s.Values).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(jws, stored.Jws);
        Assert.Equal(4, stored.Values.Count);
    }
}
