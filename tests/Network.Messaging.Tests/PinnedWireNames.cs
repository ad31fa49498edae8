using Network.Contracts.Messages;

namespace Network.Messaging.Tests;

/// <summary>
/// Every bus message and the message type it carries on the wire, written out by hand. Deployed nodes and hubs match
/// messages on these strings: a line here changes only with a plan for every node already running.
/// </summary>
internal static class PinnedWireNames
{
    /// <summary>Message type → its exact urn.</summary>
    public static IReadOnlyDictionary<Type, string> MessageTypes { get; } = new Dictionary<Type, string>
    {
        [typeof(SnapshotSubmitted)] = "urn:message:Network.Contracts.Messages:SnapshotSubmitted",
        [typeof(SnapshotAccepted)] = "urn:message:Network.Contracts.Messages:SnapshotAccepted",
        [typeof(SnapshotRejected)] = "urn:message:Network.Contracts.Messages:SnapshotRejected",
        [typeof(AttestationSubmitted)] = "urn:message:Network.Contracts.Messages:AttestationSubmitted",
        [typeof(AttestationAccepted)] = "urn:message:Network.Contracts.Messages:AttestationAccepted",
        [typeof(AttestationRejected)] = "urn:message:Network.Contracts.Messages:AttestationRejected",
    };

    /// <summary>Message type → the RabbitMQ exchange it is published to.</summary>
    public static IReadOnlyDictionary<Type, string> Exchanges { get; } = new Dictionary<Type, string>
    {
        [typeof(SnapshotSubmitted)] = "Network.Contracts.Messages:SnapshotSubmitted",
        [typeof(SnapshotAccepted)] = "Network.Answers:SnapshotAccepted",
        [typeof(SnapshotRejected)] = "Network.Answers:SnapshotRejected",
        [typeof(AttestationSubmitted)] = "Network.Contracts.Messages:AttestationSubmitted",
        [typeof(AttestationAccepted)] = "Network.Answers:AttestationAccepted",
        [typeof(AttestationRejected)] = "Network.Answers:AttestationRejected",
    };
}
