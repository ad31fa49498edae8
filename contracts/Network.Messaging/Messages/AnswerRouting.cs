namespace Network.Contracts.Messages;

/// <summary>
/// How answers find their node. On RabbitMQ the hub publishes <see cref="SnapshotAccepted"/> and
/// <see cref="SnapshotRejected"/> to two <em>topic</em> exchanges (<see cref="AcceptedExchange"/>,
/// <see cref="RejectedExchange"/>) with the city id as routing key; each node binds its own queue with its own city id
/// only. Topic exchanges, because RabbitMQ checks the routing key of a binding against the user's topic permissions
/// only on topic exchanges: a node's broker user is allowed to bind its own city's key and nothing else (not another
/// city's, not <c>#</c>), so the broker, not the node's good behaviour, keeps other cities' answers away.
/// </summary>
public static class AnswerRouting
{
    /// <summary>The exchange type answers are published to.</summary>
    public const string ExchangeType = "topic";

    /// <summary>
    /// The exchange of <see cref="SnapshotAccepted"/>. A new name: the answers used to go to direct exchanges named after
    /// the message types, and a broker cannot redeclare an existing exchange with another type.
    /// </summary>
    public const string AcceptedExchange = "Network.Answers:SnapshotAccepted";

    /// <summary>The exchange of <see cref="SnapshotRejected"/> (see <see cref="AcceptedExchange"/>).</summary>
    public const string RejectedExchange = "Network.Answers:SnapshotRejected";

    /// <summary>The exchange of <see cref="AttestationAccepted"/>: topic, routed by the verifier id (<see cref="RoutingKeyFor"/>).</summary>
    public const string AttestationAcceptedExchange = "Network.Answers:AttestationAccepted";

    /// <summary>The exchange of <see cref="AttestationRejected"/> (see <see cref="AttestationAcceptedExchange"/>).</summary>
    public const string AttestationRejectedExchange = "Network.Answers:AttestationRejected";

    /// <summary>The routing key of answers for no known city (unreadable submissions); no node binds it.</summary>
    public const string Unrouted = "unrouted";

    /// <summary>
    /// The routing key for answers to <paramref name="cityId"/>: the city id itself (<c>NO-5001</c>: one topic word, no
    /// dots, no wildcards, as the city-id rule allows only A-Z, 0-9 and '-').
    /// </summary>
    public static string RoutingKeyFor(string? cityId) => string.IsNullOrEmpty(cityId) ? Unrouted : cityId;

    /// <summary>
    /// The routing key for attestation answers to <paramref name="verifierId"/>: the verifier id itself (lower-case
    /// letters, digits and '-': one topic word), <see cref="Unrouted"/> when unknown.
    /// </summary>
    public static string RoutingKeyForVerifier(string? verifierId) => string.IsNullOrEmpty(verifierId) ? Unrouted : verifierId;

    /// <summary>The queue a verifier receives its answers on, e.g. <c>verifier-demo-verifier-answers</c>.</summary>
    public static string VerifierQueueFor(string verifierId) => $"verifier-{verifierId}-answers";

    /// <summary>The queue a node receives its answers on, e.g. <c>node-NO-5001-answers</c>.</summary>
    public static string NodeQueueFor(string cityId) => $"node-{cityId}-answers";
}
