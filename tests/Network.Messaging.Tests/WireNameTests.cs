using System.Reflection;
using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Messaging;
using Network.Node.Workspace;

namespace Network.Messaging.Tests;

/// <summary>
/// Renaming a message type or its namespace must not change what travels: a hub and nodes deployed at different times
/// would stop understanding each other, silently (a message nobody matches is skipped). These tests hold every bus
/// message to the name in <see cref="PinnedWireNames"/>, and fail when a message is added without one.
/// </summary>
public sealed class WireNameTests
{
    public static TheoryData<string> Messages => [.. PinnedWireNames.MessageTypes.Keys.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_keeps_its_message_type(string message)
    {
        var (type, urn) = PinnedWireNames.MessageTypes.Single(p => p.Key.Name == message);

        Assert.Equal(urn, MessageUrn.ForTypeString(type));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_type_is_pinned_by_an_attribute_not_by_its_namespace(string message)
    {
        var (type, urn) = PinnedWireNames.MessageTypes.Single(p => p.Key.Name == message);

        var pinned = type.GetCustomAttribute<MessageUrnAttribute>();
        Assert.True(pinned is not null, $"{type.Name} has no [MessageUrn]: its wire name would follow its namespace.");
        Assert.Equal(urn, pinned.Urn.ToString());
    }

    [Fact]
    public void Each_message_keeps_its_exchange_on_RabbitMQ()
    {
        // Configured as the hub and the test publishers configure it; created, never started (no broker needed).
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.PublishAnswersByCity();
            cfg.PublishAttestationAnswersByVerifier();
        });

        Assert.Equal(PinnedWireNames.MessageTypes.Keys, PinnedWireNames.Exchanges.Keys);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(SnapshotSubmitted)], bus.Topology.Message<SnapshotSubmitted>().EntityName);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(SnapshotAccepted)], bus.Topology.Message<SnapshotAccepted>().EntityName);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(SnapshotRejected)], bus.Topology.Message<SnapshotRejected>().EntityName);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(AttestationSubmitted)], bus.Topology.Message<AttestationSubmitted>().EntityName);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(AttestationAccepted)], bus.Topology.Message<AttestationAccepted>().EntityName);
        Assert.Equal(PinnedWireNames.Exchanges[typeof(AttestationRejected)], bus.Topology.Message<AttestationRejected>().EntityName);
    }

    [Fact]
    public void The_fault_of_a_submission_keeps_its_name()
    {
        // When a batch still fails after its retries, MassTransit publishes Fault<SnapshotSubmitted>. Its names are
        // built from the submission's namespace and type name, not from [MessageUrn]/[EntityName]: the reason the
        // messages keep the namespace Network.Contracts.Messages although they live in Network.Messaging.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.PublishAnswersByCity());

        Assert.Equal("urn:message:MassTransit:Fault[[Network.Contracts.Messages:SnapshotSubmitted]]", MessageUrn.ForTypeString<Fault<SnapshotSubmitted>>());
        Assert.Equal("MassTransit:Fault--Network.Contracts.Messages:SnapshotSubmitted--", bus.Topology.Message<Fault<SnapshotSubmitted>>().EntityName);
    }

    [Fact]
    public void Every_bus_message_has_a_pinned_name()
    {
        var product = new[] { typeof(AnswerTopology).Assembly, typeof(SnapshotSubmittedConsumer).Assembly, typeof(NodeWorkspace).Assembly };

        // A bus message is: a type of the messaging library (the only shared library that may reference MassTransit:
        // its static classes are topology, the rest travels), anything that names itself with [MessageUrn], and
        // whatever a consumer of the hub or the node takes (a batch consumer takes its element type).
        var messages = typeof(AnswerTopology).Assembly.GetExportedTypes().Where(t => !(t.IsAbstract && t.IsSealed))
            .Concat(product.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null))
            .Concat(product.SelectMany(a => a.GetTypes()).SelectMany(Consumed))
            .Distinct()
            .ToList();

        var unpinned = messages.Where(t => !PinnedWireNames.MessageTypes.ContainsKey(t)).Select(t => t.FullName).ToList();
        Assert.True(unpinned.Count == 0, $"Bus messages without a pinned wire name in PinnedWireNames: {string.Join(", ", unpinned)}");
        Assert.Equal(PinnedWireNames.MessageTypes.Count, messages.Count);
    }

    private static IEnumerable<Type> Consumed(Type type) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0])
        .Select(m => m.IsGenericType && m.GetGenericTypeDefinition() == typeof(Batch<>) ? m.GetGenericArguments()[0] : m);
}
