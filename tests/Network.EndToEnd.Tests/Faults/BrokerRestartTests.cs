using Microsoft.EntityFrameworkCore;
using Network.EndToEnd.Tests.Bus;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Faults;

/// <summary>RabbitMQ restarted while a node publishes: nothing lost, nothing stored twice.</summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class BrokerRestartTests
{
    private const int Snapshots = 1_000;

    [Fact]
    public async Task Every_snapshot_in_flight_is_stored_exactly_once_across_a_broker_restart()
    {
        await using var broker = await BrokerHub.StartAsync();
        await using var node = await TestNode.StartAsync(broker.Trondheim.CityId, broker.VirtualHost.Name);
        var signer = broker.Trondheim.Keys.CreateSigner();
        var snapshots = Enumerable.Range(0, Snapshots).Select(_ => broker.Trondheim.Snapshot().Build()).ToList();
        var published = 0;

        var publishing = Task.Run(async () =>
        {
            foreach (var snapshot in snapshots)
            {
                await node.PublishUntilConfirmedAsync(signer.Sign(snapshot), TimeSpan.FromSeconds(120));
                Interlocked.Increment(ref published);
            }
        }, TestContext.Current.CancellationToken);

        await TestNode.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref published) >= Snapshots / 5), TimeSpan.FromSeconds(60), "a fifth published");
        await RabbitMqBroker.StopAppAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await RabbitMqBroker.StartAppAsync();
        await publishing;

        await TestNode.WaitUntilAsync(
            async () => await broker.Hub.QueryAsync(db => db.Snapshots.CountAsync()) >= Snapshots,
            TimeSpan.FromSeconds(120), $"{Snapshots} snapshots stored");
        await TestNode.WaitUntilAsync(
            () => Task.FromResult(node.Accepted.Select(a => a.SnapshotId).Distinct().Count() >= Snapshots),
            TimeSpan.FromSeconds(60), $"an acknowledgement for each of the {Snapshots} snapshots");

        var stored = await broker.Hub.QueryAsync(db => db.Snapshots.Select(s => s.SnapshotId).ToListAsync());
        Assert.Equal(Snapshots, stored.Count);
        Assert.Equal(snapshots.Select(s => s.SnapshotId).Order(), stored.Order());
        Assert.Equal(Snapshots * 4, await broker.Hub.QueryAsync(db => db.KpiValues.CountAsync()));
        Assert.Empty(node.Rejected);
    }
}
