using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Node.Cli;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Storage;

namespace Network.Node.Tests.EndToEnd;

/// <summary>
/// The node's commands against the real hub over a real RabbitMQ broker, each test on its own virtual host:
/// init → import → publish → send → status.
/// </summary>
public sealed class RabbitMqDeliveryTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private RabbitHub _broker = null!;
    private NodeCommandLine _cli = null!;
    private NodeWorkspace _node = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await RabbitHub.CreateAsync();
        (_cli, _node) = await BrokerNode.InitAsync(_directory, _broker.VirtualHost.Name);
        await NodeSetup.RegisterAsync(_broker.Hub!, _node);
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Published_snapshot_is_delivered_and_status_shows_it_accepted()
    {
        (await _cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await _cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        var id = Assert.Single(await _node.Store.ListAsync(ct: Ct)).SnapshotId!.Value;

        var send = (await BrokerNode.SendAsync(() => _cli.RunAsync("send"))).Expect(ExitCodes.Ok);

        Assert.Contains($"delivered 1/1  {id} (2020 final)", send.Output, StringComparison.Ordinal);
        Assert.Contains("all answered.", send.Output, StringComparison.Ordinal);
        var status = (await _cli.RunAsync("status")).Expect(ExitCodes.Ok).Output;
        Assert.Contains($"{id}  2020    final        accepted", status, StringComparison.Ordinal);
        Assert.Contains("accepted by the hub", status, StringComparison.Ordinal);
        Assert.Equal([id], await _broker.Hub!.QueryAsync(db => db.Snapshots.Select(s => s.SnapshotId).ToListAsync()));
        Assert.Equal(5, await _broker.Hub!.QueryAsync(db => db.KpiValues.CountAsync()));
    }

    [Fact]
    public async Task Snapshot_signed_with_a_key_the_hub_revoked_shows_rejected_with_the_hubs_reasons()
    {
        await NodeSetup.RevokeAsync(_broker.Hub!, _node.Settings.ActiveKeyId);
        (await _cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await _cli.RunAsync("publish")).Expect(ExitCodes.Ok);

        var send = (await BrokerNode.SendAsync(() => _cli.RunAsync("send"))).Expect(ExitCodes.Failed);

        Assert.Contains("rejected", send.Output, StringComparison.Ordinal);
        var status = (await _cli.RunAsync("status")).Output;
        Assert.Contains("final        rejected", status, StringComparison.Ordinal);
        Assert.Contains("rejected by the hub", status, StringComparison.Ordinal);
        Assert.Contains($"- the signing key: The key '{_node.Settings.ActiveKeyId}' was revoked", status, StringComparison.Ordinal);
        Assert.Contains("(KeyRevoked)", status, StringComparison.Ordinal);
        Assert.Equal(0, await _broker.Hub!.QueryAsync(db => db.Snapshots.CountAsync()));
    }

    [Fact]
    public async Task Correction_of_an_accepted_snapshot_is_accepted_and_supersedes_it()
    {
        (await _cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2019")).Expect(ExitCodes.Ok);
        (await _cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        (await BrokerNode.SendAsync(() => _cli.RunAsync("send"))).Expect(ExitCodes.Ok);
        var original = Assert.Single(await _node.Store.ListAsync(ct: Ct)).SnapshotId!.Value;
        var corrected = ValueFileSamples.Csv(_directory, ValueFileSamples.Header, "EN-EN-AQ-2C,,2.41,tCO2e per capita per year,measured,Trondheim kommune,Klimaregnskap 2019 (revised),revised inventory");

        var correct = (await _cli.RunAsync("correct", "--supersedes", original.ToString(), corrected)).Expect(ExitCodes.Ok);
        (await _cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        (await BrokerNode.SendAsync(() => _cli.RunAsync("send"))).Expect(ExitCodes.Ok);

        Assert.Contains($"Stored as the draft for 2019 correction superseding {original}", correct.Output, StringComparison.Ordinal);
        var snapshots = await _node.Store.ListAsync(ct: Ct);
        Assert.Equal([(SnapshotStatus.Final, SnapshotState.Accepted), (SnapshotStatus.Correction, SnapshotState.Accepted)], snapshots.Select(s => (s.Status, s.State)));
        var stored = await _broker.Hub!.QueryAsync(db => db.Snapshots.Where(s => s.Status == SnapshotStatus.Correction).Select(s => s.Supersedes).SingleAsync());
        Assert.Equal(original, stored);
    }

    [Fact]
    public async Task A_rotated_key_signs_once_it_is_activated_and_registered()
    {
        (await _cli.RunAsync("keys", "rotate")).Expect(ExitCodes.Ok);
        var fresh = _node.Keys.List().Single(k => k.KeyId != _node.Settings.ActiveKeyId);
        await _broker.Hub!.WithServicesAsync(async services =>
        {
            var registry = (Network.Hub.Keys.KeyRegistry)services.GetService(typeof(Network.Hub.Keys.KeyRegistry))!;
            await registry.RegisterKeyAsync("NO-5001", Contracts.Signing.EcPublicJwk.Parse(fresh.PublicJwk), fresh.KeyId, DateTimeOffset.UnixEpoch);
        });
        (await _cli.RunAsync("keys", "activate", fresh.KeyId)).Expect(ExitCodes.Ok);
        await NodeSetup.RevokeAsync(_broker.Hub!, _node.Settings.ActiveKeyId);

        (await _cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await _cli.RunAsync("publish")).Expect(ExitCodes.Ok);
        (await BrokerNode.SendAsync(() => _cli.RunAsync("send"))).Expect(ExitCodes.Ok);

        var stored = Assert.Single(await _node.Store.ListAsync(ct: Ct));
        Assert.Equal((fresh.KeyId, SnapshotState.Accepted), (stored.KeyId, stored.State));
        Assert.Equal(fresh.KeyId, await _broker.Hub!.QueryAsync(db => db.Snapshots.Select(s => s.KeyId).SingleAsync()));
    }
}

/// <summary>A node on a broker where no hub ever connected: nothing may count as delivered.</summary>
public sealed class NoHubOnTheBrokerTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private RabbitHub _broker = null!;

    public async ValueTask InitializeAsync() => _broker = await RabbitHub.CreateAsync(startHub: false);

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_snapshot_no_queue_would_hold_is_not_marked_delivered()
    {
        var (cli, node) = await BrokerNode.InitAsync(_directory, _broker.VirtualHost.Name);
        (await cli.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await cli.RunAsync("publish")).Expect(ExitCodes.Ok);

        var send = await cli.RunAsync("send", "--wait", "1");

        // The broker may have been restarting; either way, nothing reached a hub and nothing says so.
        send.Expect(ExitCodes.Failed);
        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal(SnapshotState.Pending, stored.State);
        Assert.Null(stored.DeliveredAt);
        if (!send.Error.Contains("Cannot reach", StringComparison.Ordinal))
        {
            Assert.Contains("the broker has no queue for snapshots", stored.LastError, StringComparison.Ordinal);
        }

        Assert.Contains("not delivered yet", (await cli.RunAsync("status")).Output, StringComparison.Ordinal);
    }
}
