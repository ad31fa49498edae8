using System.Collections.Concurrent;
using MassTransit;
using Network.Contracts.Messages;
using Network.Messaging;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Verification;

/// <summary>
/// A U4SSC verifier's tool on a real RabbitMQ broker: publishes <see cref="AttestationSubmitted"/> and receives the
/// attestation answers routed to its own verifier id on its own queue (<see cref="AnswerRouting.VerifierQueueFor"/>),
/// bound as <see cref="AnswerTopology.ReceiveAttestationAnswersFor"/> binds it. Collects every answer.
/// </summary>
internal sealed class BusVerifier : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BusVerifier(string verifierId, IBusControl bus)
    {
        VerifierId = verifierId;
        _bus = bus;
    }

    public string VerifierId { get; }

    public ConcurrentQueue<AttestationAccepted> Accepted { get; } = new();

    public ConcurrentQueue<AttestationRejected> Rejected { get; } = new();

    public int Answers => Accepted.Count + Rejected.Count;

    public static async Task<BusVerifier> StartAsync(string verifierId, string virtualHost)
    {
        BusVerifier? verifier = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            TestNode.ConnectToLocalBroker(cfg, virtualHost);
            cfg.ReceiveEndpoint(AnswerRouting.VerifierQueueFor(verifierId), e =>
            {
                // Only this verifier's routing key is bound: the broker keeps other verifiers' answers away.
                e.ReceiveAttestationAnswersFor(verifierId);
                e.Handler<AttestationAccepted>(c =>
                {
                    verifier!.Accepted.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
                e.Handler<AttestationRejected>(c =>
                {
                    verifier!.Rejected.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
            });
        });
        verifier = new BusVerifier(verifierId, bus);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return verifier;
    }

    /// <summary>Publishes a signed attestation (broker-confirmed when this returns).</summary>
    public Task SubmitAsync(string jws, CancellationToken ct) => _bus.Publish(new AttestationSubmitted(jws, VerifierId), ct);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(timeout.Token);
    }
}
