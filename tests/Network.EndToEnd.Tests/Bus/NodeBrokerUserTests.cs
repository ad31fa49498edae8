using System.Diagnostics;
using System.Globalization;
using Network.Contracts.Messages;
using Network.Testing;
using Network.Testing.Hub;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Network.EndToEnd.Tests.Bus;

/// <summary>
/// deploy/rabbitmq/add-node-user.sh gives a city's node a broker user that may publish snapshots and read its own
/// answers, and nothing of another city's.
/// </summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class NodeBrokerUserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_nodes_broker_user_publishes_and_gets_its_answer_but_cannot_read_or_forge_another_citys_answers()
    {
        await using var hub = await BrokerHub.StartAsync();
        // A city of its own: broker users are per broker, not per virtual host, and another checkout may run this test now.
        using var city = new TestCity($"NO-{Random.Shared.Next(9000, 9999).ToString(CultureInfo.InvariantCulture)}{Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture)}", "Probe");
        await hub.Hub.RegisterAsync(city);
        var user = $"node-{city.CityId}";
        const string password = "a-test-password";
        try
        {
            var output = await AddNodeUserAsync(city.CityId, hub.VirtualHost.Name, password);
            Assert.Contains($"Created the RabbitMQ user {user} on virtual host {hub.VirtualHost.Name}.", output, StringComparison.Ordinal);
            await using var bergen = await TestNode.StartAsync(hub.Bergen.CityId, hub.VirtualHost.Name); // declares Bergen's answer queue

            await using var node = await TestNode.StartAsync(city.CityId, hub.VirtualHost.Name, user, password);
            await node.PublishAsync(city.Snapshot().Sign(), Ct);
            await TestNode.WaitUntilAsync(() => Task.FromResult(!node.Accepted.IsEmpty), TimeSpan.FromSeconds(30), "the hub's acceptance on the node's own queue");

            var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = hub.VirtualHost.Name, UserName = user, Password = password };
            await using var connection = await factory.CreateConnectionAsync(Ct);

            await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
            {
                var read = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync("node-NO-4601-answers", autoAck: false, Ct));
                Assert.Equal((ushort)403, read.ShutdownReason?.ReplyCode);
            }

            await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Ct))
            {
                var forge = await Assert.ThrowsAnyAsync<Exception>(() => channel.BasicPublishAsync(
                    AnswerRouting.AcceptedExchange, "NO-4601", mandatory: false, new BasicProperties(), "{}"u8.ToArray(), Ct).AsTask());
                Assert.Contains("ACCESS_REFUSED", forge.ToString(), StringComparison.Ordinal);
            }

            Assert.Empty(bergen.Accepted);
        }
        finally
        {
            await RabbitMqBroker.DeleteUserAsync(user);
        }
    }

    // The answer exchanges are topic exchanges and the user's topic permissions allow binding its own city's key only:
    // binding another city's key, or a wildcard, to its own queue (or endpoint exchange) is refused by the broker.
    [Fact]
    public async Task A_nodes_broker_user_cannot_bind_another_citys_routing_key_or_a_wildcard_but_binds_its_own()
    {
        await using var hub = await BrokerHub.StartAsync();
        using var city = new TestCity($"NO-{Random.Shared.Next(9000, 9999).ToString(CultureInfo.InvariantCulture)}{Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture)}", "Probe");
        await hub.Hub.RegisterAsync(city);
        var user = $"node-{city.CityId}";
        const string password = "a-test-password";
        try
        {
            await AddNodeUserAsync(city.CityId, hub.VirtualHost.Name, password);
            await using var bergen = await TestNode.StartAsync(hub.Bergen.CityId, hub.VirtualHost.Name);
            // The node declares its queue and endpoint exchange and binds its own key: allowed.
            await using var node = await TestNode.StartAsync(city.CityId, hub.VirtualHost.Name, user, password);
            var queue = AnswerRouting.NodeQueueFor(city.CityId);

            var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = hub.VirtualHost.Name, UserName = user, Password = password };
            await using var connection = await factory.CreateConnectionAsync(Ct);
            foreach (var exchange in new[] { AnswerRouting.AcceptedExchange, AnswerRouting.RejectedExchange })
            {
                foreach (var key in new[] { hub.Bergen.CityId, "#", "*", "NO-#", "" })
                {
                    await AssertRefusedAsync(connection, c => c.QueueBindAsync(queue, exchange, key, cancellationToken: Ct), $"queue bind {exchange} '{key}'");
                    await AssertRefusedAsync(connection, c => c.ExchangeBindAsync(queue, exchange, key, cancellationToken: Ct), $"exchange bind {exchange} '{key}'");
                }

                await using var own = await connection.CreateChannelAsync(cancellationToken: Ct);
                await own.QueueBindAsync(queue, exchange, city.CityId, cancellationToken: Ct);
                await own.ExchangeBindAsync(queue, exchange, city.CityId, cancellationToken: Ct);
            }

            // Bergen's answer still reaches Bergen only.
            await bergen.PublishAsync(hub.Bergen.Snapshot().Sign(), Ct);
            await TestNode.WaitUntilAsync(() => Task.FromResult(!bergen.Accepted.IsEmpty), TimeSpan.FromSeconds(30), "Bergen's acceptance");
            Assert.Empty(node.Accepted);
            await using var peek = await connection.CreateChannelAsync(cancellationToken: Ct);
            Assert.Null(await peek.BasicGetAsync(queue, autoAck: false, Ct));
        }
        finally
        {
            await RabbitMqBroker.DeleteUserAsync(user);
        }
    }

    private static async Task AssertRefusedAsync(IConnection connection, Func<IChannel, Task> bind, string what)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => bind(channel));
        Assert.True(refused.ShutdownReason?.ReplyCode == 403, $"{what}: expected 403 ACCESS_REFUSED, got {refused.ShutdownReason}");
    }

    [Fact]
    public async Task The_script_refuses_what_is_not_a_city_id()
    {
        RabbitMqBroker.RequireControl();

        var (exit, output) = await RunScriptAsync(["'.*'"], "/");

        Assert.Equal(2, exit);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
    }

    private static async Task<string> AddNodeUserAsync(string cityId, string virtualHost, string password)
    {
        var (exit, output) = await RunScriptAsync([cityId, password], virtualHost);
        Assert.True(exit == 0, $"add-node-user.sh exited {exit}:\n{output}");
        return output;
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(string[] arguments, string virtualHost)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "deploy", "rabbitmq", "add-node-user.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RABBITMQ_VHOST"] = virtualHost;
        start.Environment["RABBITMQCTL"] = RabbitMqBroker.Rabbitmqctl ?? "rabbitmqctl";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Network.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Network.sln not found above " + AppContext.BaseDirectory);
    }
}
