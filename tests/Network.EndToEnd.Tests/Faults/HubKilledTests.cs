using Microsoft.Data.Sqlite;
using Network.EndToEnd.Tests.Bus;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Faults;

/// <summary>The hub process killed mid-stream and started again: nothing lost, nothing stored twice.</summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class HubKilledTests : IAsyncLifetime
{
    private const int Snapshots = 3_000;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"network-killed-{Guid.NewGuid():N}.db");
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"network-key-{Guid.NewGuid():N}.json");
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private RabbitMqBroker.VirtualHost? _vhost;

    public async ValueTask InitializeAsync()
    {
        RabbitMqBroker.RequireControl();
        _vhost = await RabbitMqBroker.CreateVirtualHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        _trondheim.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm", _keyFile })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_snapshot_is_stored_exactly_once_when_the_hub_is_killed_and_restarted()
    {
        var settings = BrokerHub.Settings(_vhost!.Name);
        settings["Network:Storage:ConnectionString"] = $"Data Source={_database}";
        await File.WriteAllTextAsync(_keyFile, _trondheim.Keys.PublicJwk.ToJson(), TestContext.Current.CancellationToken);
        var registered = await HubProcess.RunCommandAsync(settings, "cities", "add", "--id", _trondheim.CityId, "--name", _trondheim.Name, "--jwk", _keyFile);
        Assert.Contains($"Key {_trondheim.Keys.KeyId} registered for NO-5001", registered, StringComparison.Ordinal);

        using (var first = await HubProcess.StartAsync(settings))
        {
            await using var node = await TestNode.StartAsync(_trondheim.CityId, _vhost.Name);
            var signer = _trondheim.Keys.CreateSigner();
            // The node goes on publishing while the hub is killed (the broker keeps what arrives meanwhile), so the
            // kill lands mid-stream however fast the hub ingests.
            var publishing = Task.Run(async () =>
            {
                for (var i = 0; i < Snapshots; i++)
                {
                    await node.PublishAsync(signer.Sign(_trondheim.Snapshot().Build()), TestContext.Current.CancellationToken);
                }
            }, TestContext.Current.CancellationToken);

            await TestNode.WaitUntilAsync(() => Task.FromResult(CountSnapshots() >= 100), TimeSpan.FromSeconds(60), "the first hundred snapshots stored");
            first.Kill();
            await publishing;
        }

        var atKill = CountSnapshots();
        Assert.True(atKill < Snapshots, $"The hub stored all {Snapshots} snapshots before it was killed; raise the count so the kill lands mid-stream.");

        using var second = await HubProcess.StartAsync(settings);
        await TestNode.WaitUntilAsync(() => Task.FromResult(CountSnapshots() >= Snapshots), TimeSpan.FromSeconds(120), $"all {Snapshots} snapshots stored after the restart");
        await Task.Delay(1000, TestContext.Current.CancellationToken); // would a redelivery add a copy?

        Assert.Equal(Snapshots, CountSnapshots());
        Assert.Equal(Snapshots, Scalar("SELECT COUNT(DISTINCT SnapshotId) FROM Snapshots"));
        Assert.Equal(Snapshots * 4, Scalar("SELECT COUNT(*) FROM KpiValues"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM RejectedSubmissions"));
    }

    private long CountSnapshots() => Scalar("SELECT COUNT(*) FROM Snapshots");

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
