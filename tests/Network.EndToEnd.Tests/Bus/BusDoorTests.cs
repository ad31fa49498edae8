using Microsoft.EntityFrameworkCore;
using Network.Contracts.Verification;
using Network.Hub.Messaging;
using Network.Testing;
using Network.Testing.Hub;
using RabbitMQ.Client;

namespace Network.EndToEnd.Tests.Bus;

/// <summary>Node → RabbitMQ → hub → database → answer, against a real broker.</summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class BusDoorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_published_snapshot_is_stored_and_its_answer_reaches_only_its_own_city()
    {
        await using var broker = await BrokerHub.StartAsync();
        await using var trondheim = await TestNode.StartAsync(broker.Trondheim.CityId, broker.VirtualHost.Name);
        await using var bergen = await TestNode.StartAsync(broker.Bergen.CityId, broker.VirtualHost.Name);
        var good = broker.Trondheim.Snapshot().Build();

        await trondheim.PublishAsync(broker.Trondheim.Keys.CreateSigner().Sign(good), TestContext.Current.CancellationToken);
        await trondheim.PublishAsync(broker.Trondheim.Snapshot().WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 140, "%")).Sign(), TestContext.Current.CancellationToken);
        await bergen.PublishAsync(broker.Bergen.Snapshot().Sign(), TestContext.Current.CancellationToken);

        await TestNode.WaitUntilAsync(() => Task.FromResult(trondheim.Accepted.Count + trondheim.Rejected.Count == 2 && bergen.Accepted.Count == 1), Patience, "three answers");
        await Task.Delay(500, TestContext.Current.CancellationToken); // would a stray answer arrive?

        Assert.Equal(good.SnapshotId, Assert.Single(trondheim.Accepted).SnapshotId);
        var refusal = Assert.Single(trondheim.Rejected);
        Assert.Equal("NO-5001", refusal.CityId);
        Assert.Equal((RejectionReason.ValueOutOfRange, "$.values[0].value"), (refusal.Reasons.Single().Reason, refusal.Reasons.Single().Field));
        Assert.All(bergen.Accepted, a => Assert.Equal("NO-4601", a.CityId));
        Assert.Empty(bergen.Rejected);
        Assert.Equal(2, await broker.Hub.QueryAsync(db => db.Snapshots.CountAsync()));
        Assert.Equal(1, await broker.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync()));
    }

    [Fact]
    public async Task A_format_2_snapshot_travels_with_its_disclosures_and_is_answered_with_the_digest_of_its_JWS()
    {
        await using var broker = await BrokerHub.StartAsync();
        await using var trondheim = await TestNode.StartAsync(broker.Trondheim.CityId, broker.VirtualHost.Name);
        var signed = broker.Trondheim.Snapshot()
            .AddValue(SnapshotBuilder.Value("SC-EH-H-1C", 83.1, "years") with { Note = "From the national register." })
            .SignWithDisclosures();

        await trondheim.PublishAsync(signed.Submission, TestContext.Current.CancellationToken);
        await TestNode.WaitUntilAsync(() => Task.FromResult(trondheim.Accepted.Count + trondheim.Rejected.Count == 1), Patience, "the answer");

        Assert.Empty(trondheim.Rejected);
        Assert.Equal(signed.Digest, Assert.Single(trondheim.Accepted).Digest);
        Assert.Equal("From the national register.", await broker.Hub.QueryAsync(db =>
            db.KpiValues.Where(v => v.KpiCode == "SC-EH-H-1C").Select(v => v.Note).SingleAsync()));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_once_and_answered_twice()
    {
        await using var broker = await BrokerHub.StartAsync();
        await using var node = await TestNode.StartAsync(broker.Trondheim.CityId, broker.VirtualHost.Name);
        var jws = broker.Trondheim.Snapshot().Sign();

        await node.PublishAsync(jws, TestContext.Current.CancellationToken);
        await node.PublishAsync(jws, TestContext.Current.CancellationToken);

        await TestNode.WaitUntilAsync(() => Task.FromResult(node.Accepted.Count == 2), Patience, "two acknowledgements");
        Assert.Equal([false, true], node.Accepted.Select(a => a.Duplicate).Order());
        Assert.Equal(1, await broker.Hub.QueryAsync(db => db.Snapshots.CountAsync()));
        Assert.Equal(4, await broker.Hub.QueryAsync(db => db.KpiValues.CountAsync()));
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_and_the_consumer_keeps_going()
    {
        await using var broker = await BrokerHub.StartAsync();
        await using var node = await TestNode.StartAsync(broker.Trondheim.CityId, broker.VirtualHost.Name);

        await PublishRawAsync(broker.VirtualHost.Name, SnapshotSubmittedConsumerDefinition.QueueName, "{ this is not a MassTransit envelope"u8.ToArray());
        await node.PublishAsync("", TestContext.Current.CancellationToken);         // an envelope without a JWS
        await node.PublishAsync("a.b.c", TestContext.Current.CancellationToken);    // a JWS that is garbage
        var good = broker.Trondheim.Snapshot().Build();
        await node.PublishAsync(broker.Trondheim.Keys.CreateSigner().Sign(good), TestContext.Current.CancellationToken);

        await TestNode.WaitUntilAsync(() => Task.FromResult(node.Accepted.Count == 1 && node.Rejected.Count == 2), Patience, "one acceptance and two refusals");
        Assert.Equal(good.SnapshotId, node.Accepted.Single().SnapshotId);
        Assert.Contains(node.Rejected, r => r.Reasons.Any(x => x.Reason == RejectionReason.UnreadableSubmission));
        Assert.Equal(2, await broker.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync()));
        await TestNode.WaitUntilAsync(
            async () => await RabbitMqBroker.CountMessagesAsync(broker.VirtualHost.Name, SnapshotSubmittedConsumerDefinition.QueueName + "_skipped")
                      + await RabbitMqBroker.CountMessagesAsync(broker.VirtualHost.Name, SnapshotSubmittedConsumerDefinition.QueueName + "_error") >= 1,
            Patience, "the unreadable message in the skipped or error queue");
    }

    // Writes bytes straight onto the hub's queue, the way a broken or hostile client could.
    private static async Task PublishRawAsync(string virtualHost, string queue, byte[] body)
    {
        var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = virtualHost, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, body);
    }
}
