using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Network.Node.Cli;
using Network.Node.Tests.Support;
using Network.Node.Workspace.Storage;
using Network.Testing;

namespace Network.Node.Tests.Durability;

/// <summary>
/// The node process killed (SIGKILL, no shutdown) between signing and delivery: after a restart it delivers, and the
/// hub stores the snapshot exactly once. These run the built Network.Node.dll as a real process.
/// </summary>
public sealed class OutboxDurabilityTests : IAsyncLifetime
{
    private const string HubQueue = "hub-snapshot-submitted";
    private readonly TempDirectory _directory = new();
    private RabbitHub _broker = null!;

    public async ValueTask InitializeAsync() => _broker = await RabbitHub.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Node_killed_while_retrying_an_unreachable_broker_delivers_after_restart_and_the_hub_stores_it_once()
    {
        var (cli, node) = await BrokerNode.InitAsync(_directory, _broker.VirtualHost.Name, port: ClosedPort());
        await NodeSetup.RegisterAsync(_broker.Hub!, node);
        (await cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        var id = Assert.Single(await node.Store.ListAsync(ct: Ct)).SnapshotId!.Value;

        using (var running = NodeProcess.Start(null, "run", "--data", cli.DataDirectory))
        {
            await running.WaitForLineAsync("Retrying in", TimeSpan.FromSeconds(60));
            running.Kill();
        }

        Assert.Equal(SnapshotState.Pending, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
        var fixedPort = new Dictionary<string, string> { ["Network__Node__Hub__RabbitMq__Port"] = RabbitMqBroker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var send = await BrokerNode.SendAsync(() => NodeProcess.RunAsync(fixedPort, "send", "--data", cli.DataDirectory));

        send.Expect(ExitCodes.Ok);
        Assert.Contains($"delivered 1/1  {id}", send.Output, StringComparison.Ordinal);
        Assert.Equal(SnapshotState.Accepted, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
        Assert.Equal([id], await _broker.Hub!.QueryAsync(db => db.Snapshots.Select(s => s.SnapshotId).ToListAsync()));
    }

    [Fact]
    public async Task Node_killed_after_the_broker_confirmed_but_before_recording_it_delivers_again_and_the_hub_stores_it_once()
    {
        var (cli, node) = await BrokerNode.InitAsync(_directory, _broker.VirtualHost.Name);
        await NodeSetup.RegisterAsync(_broker.Hub!, node);
        // The hub stops; its durable queue stays bound, so the broker keeps (and confirms) what the node publishes.
        await _broker.StopHubAsync();
        (await cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        var id = Assert.Single(await node.Store.ListAsync(ct: Ct)).SnapshotId!.Value;

        var hook = new Dictionary<string, string> { [TestHook.Variable] = TestHook.PauseAfterConfirm };
        using (var sending = NodeProcess.Start(hook, "send", "--data", cli.DataDirectory))
        {
            await sending.WaitForLineAsync(TestHook.PausedMessage, TimeSpan.FromSeconds(60));
            sending.Kill();
        }

        var stranded = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((SnapshotState.Pending, (DateTimeOffset?)null), (stranded.State, stranded.DeliveredAt));
        Assert.Equal(1, await Retry.UntilAsync(() => RabbitMqBroker.CountMessagesAsync(_broker.VirtualHost.Name, HubQueue), TimeSpan.FromSeconds(60)));

        var hub = await _broker.StartHubAsync();
        await WaitUntilAsync(async () => await hub.QueryAsync(db => db.Snapshots.CountAsync()) == 1, "the hub to store the first delivery");
        var send = await BrokerNode.SendAsync(() => NodeProcess.RunAsync(null, "send", "--data", cli.DataDirectory));

        send.Expect(ExitCodes.Ok);
        Assert.Contains($"delivered 1/1  {id}", send.Output, StringComparison.Ordinal);
        Assert.Equal(SnapshotState.Accepted, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
        Assert.Equal([id], await hub.QueryAsync(db => db.Snapshots.Select(s => s.SnapshotId).ToListAsync()));
        Assert.Equal(5, await hub.QueryAsync(db => db.KpiValues.CountAsync()));
    }

    // A port nothing listens on: bound once by the system, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }
}
