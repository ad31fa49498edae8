using MassTransit;
using Network.Contracts.Messages;

namespace Network.Messaging;

/// <summary>
/// Both ends of the answer route on RabbitMQ, in one place so they cannot drift apart: the hub publishes
/// <see cref="SnapshotAccepted"/> and <see cref="SnapshotRejected"/> to <em>topic</em> exchanges
/// (<see cref="AnswerRouting.AcceptedExchange"/>, <see cref="AnswerRouting.RejectedExchange"/>) with the city id as
/// routing key (<see cref="PublishAnswersByCity"/>); a node binds its own queue to those exchanges with its own city
/// id only (<see cref="ReceiveAnswersFor"/>). The node's broker user has topic permissions that let it bind that key
/// and no other (deploy/rabbitmq/add-node-user.sh), so the broker, not the node, keeps other cities' answers away.
/// </summary>
public static class AnswerTopology
{
    /// <summary>
    /// The publishing side (the hub, and test publishers): answers go to the topic exchanges, routed by
    /// <see cref="AnswerRouting.RoutingKeyFor"/> of the answer's city.
    /// </summary>
    public static void PublishAnswersByCity(this IRabbitMqBusFactoryConfigurator cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.Message<SnapshotAccepted>(m => m.SetEntityName(AnswerRouting.AcceptedExchange));
        cfg.Publish<SnapshotAccepted>(p => p.ExchangeType = AnswerRouting.ExchangeType);
        cfg.Send<SnapshotAccepted>(s => s.UseRoutingKeyFormatter(c => AnswerRouting.RoutingKeyFor(c.Message.CityId)));
        cfg.Message<SnapshotRejected>(m => m.SetEntityName(AnswerRouting.RejectedExchange));
        cfg.Publish<SnapshotRejected>(p => p.ExchangeType = AnswerRouting.ExchangeType);
        cfg.Send<SnapshotRejected>(s => s.UseRoutingKeyFormatter(c => AnswerRouting.RoutingKeyFor(c.Message.CityId)));
    }

    /// <summary>
    /// The publishing side of attestation answers (the hub): <see cref="AttestationAccepted"/> and
    /// <see cref="AttestationRejected"/> go to their topic exchanges (<see cref="AnswerRouting.AttestationAcceptedExchange"/>,
    /// <see cref="AnswerRouting.AttestationRejectedExchange"/>) routed by the verifier id, as snapshot answers are by city.
    /// </summary>
    public static void PublishAttestationAnswersByVerifier(this IRabbitMqBusFactoryConfigurator cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.Message<AttestationAccepted>(m => m.SetEntityName(AnswerRouting.AttestationAcceptedExchange));
        cfg.Publish<AttestationAccepted>(p => p.ExchangeType = AnswerRouting.ExchangeType);
        cfg.Send<AttestationAccepted>(s => s.UseRoutingKeyFormatter(c => AnswerRouting.RoutingKeyForVerifier(c.Message.VerifierId)));
        cfg.Message<AttestationRejected>(m => m.SetEntityName(AnswerRouting.AttestationRejectedExchange));
        cfg.Publish<AttestationRejected>(p => p.ExchangeType = AnswerRouting.ExchangeType);
        cfg.Send<AttestationRejected>(s => s.UseRoutingKeyFormatter(c => AnswerRouting.RoutingKeyForVerifier(c.Message.VerifierId)));
    }

    /// <summary>
    /// The receiving side of a verifier: binds this endpoint's queue (<see cref="AnswerRouting.VerifierQueueFor"/>) to both
    /// attestation answer exchanges with <paramref name="verifierId"/>'s routing key only.
    /// </summary>
    public static void ReceiveAttestationAnswersFor(this IRabbitMqReceiveEndpointConfigurator endpoint, string verifierId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(verifierId);
        endpoint.ConfigureConsumeTopology = false;
        foreach (var exchange in new[] { AnswerRouting.AttestationAcceptedExchange, AnswerRouting.AttestationRejectedExchange })
        {
            endpoint.Bind(exchange, b =>
            {
                b.ExchangeType = AnswerRouting.ExchangeType;
                b.RoutingKey = AnswerRouting.RoutingKeyForVerifier(verifierId);
            });
        }
    }

    /// <summary>
    /// The receiving side (a node): binds this endpoint's queue (<see cref="AnswerRouting.NodeQueueFor"/>) to both
    /// answer exchanges with <paramref name="cityId"/>'s routing key only, and nothing else. The exchanges are
    /// declared topic, as the hub declares them, so whichever side starts first the broker agrees with both.
    /// </summary>
    public static void ReceiveAnswersFor(this IRabbitMqReceiveEndpointConfigurator endpoint, string cityId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(cityId);
        endpoint.ConfigureConsumeTopology = false;
        foreach (var exchange in new[] { AnswerRouting.AcceptedExchange, AnswerRouting.RejectedExchange })
        {
            endpoint.Bind(exchange, b =>
            {
                b.ExchangeType = AnswerRouting.ExchangeType;
                b.RoutingKey = AnswerRouting.RoutingKeyFor(cityId);
            });
        }
    }
}
