namespace Network.Contracts.Messages;

/// <summary>
/// How answers find their node. On RabbitMQ the hub publishes <see cref="SnapshotAccepted"/> and
/// <see cref="SnapshotRejected"/> to <em>direct</em> exchanges with the city id as routing key; each node
/// binds its own queue with its own city id only, so no node sees another city's answers. Combined with
/// per-node broker permissions (read from its own queue only), that is enforced by the broker.
/// </summary>
public static class AnswerRouting
{
    /// <summary>The exchange type answers are published to.</summary>
    public const string ExchangeType = "direct";

    /// <summary>The routing key of answers for no known city (unreadable submissions); no node binds it.</summary>
    public const string Unrouted = "unrouted";

    /// <summary>The routing key for answers to <paramref name="cityId"/>.</summary>
    public static string RoutingKeyFor(string? cityId) => string.IsNullOrEmpty(cityId) ? Unrouted : cityId;

    /// <summary>The queue a node receives its answers on, e.g. <c>node-NO-5001-answers</c>.</summary>
    public static string NodeQueueFor(string cityId) => $"node-{cityId}-answers";
}
