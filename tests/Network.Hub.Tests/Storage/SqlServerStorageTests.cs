using System.Net;
using System.Net.Sockets;
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
        RequireDocker();
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

    private static void RequireDocker()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is null && File.Exists("/var/run/docker.sock") && CanConnect("/var/run/docker.sock"))
        {
            return;
        }

        if (host is not null)
        {
            return;
        }

        Assert.Skip("No Docker engine (no DOCKER_HOST and /var/run/docker.sock does not answer): the SQL Server storage test " +
                    "runs SQL Server through Testcontainers and needs one. The same tests run on SQLite everywhere.");
    }

    private static bool CanConnect(string socketPath)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
