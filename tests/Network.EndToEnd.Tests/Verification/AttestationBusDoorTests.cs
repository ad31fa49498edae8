using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.EndToEnd.Tests.Bus;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Verification;

/// <summary>Verifier → RabbitMQ → hub → answer on the verifier's own queue, for attestations the hub refuses.</summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class AttestationBusDoorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_attestation_comes_back_to_its_verifier_alone_with_reason_and_field_and_nothing_is_stored()
    {
        await using var broker = await BrokerHub.StartAsync();
        using var nordic = await broker.Hub.RegisterVerifierAsync(TestVerifier.Nordic(), broker.Trondheim.CityId);
        using var other = await broker.Hub.RegisterVerifierAsync(TestVerifier.Other(), broker.Trondheim.CityId);
        var snapshot = broker.Trondheim.Snapshot().Build();
        var snapshotJws = broker.Trondheim.Keys.CreateSigner().Sign(snapshot);
        Assert.NotNull((await broker.Hub.IngestAsync(snapshotJws, Ct)).Accepted);
        await using var nordicBus = await BusVerifier.StartAsync(nordic.VerifierId, broker.VirtualHost.Name);
        await using var otherBus = await BusVerifier.StartAsync(other.VerifierId, broker.VirtualHost.Name);
        var rejectedBefore = await broker.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(Ct));

        // The third verdict names a number the city never signed (28.24 instead of 28.42).
        var built = nordic.Attest(snapshot, snapshotJws).EditVerdict(2, v => v with { Value = 28.24 });
        var jws = built.Sign();
        await nordicBus.SubmitAsync(jws, Ct);

        await TestNode.WaitUntilAsync(() => Task.FromResult(nordicBus.Answers == 1), Patience, "the refusal on the verifier's queue");
        await Task.Delay(500, Ct); // would a stray answer arrive, here or on the other verifier's queue?

        Assert.Empty(nordicBus.Accepted);
        var refusal = Assert.Single(nordicBus.Rejected);
        Assert.Equal((built.Build().AttestationId, nordic.VerifierId, SnapshotFormat.Digest(jws)), (refusal.AttestationId, refusal.VerifierId, refusal.Digest));
        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal((RejectionReason.VerdictForUnknownValue, "$.verdicts[2]"), (reason.Reason, reason.Field));
        Assert.False(string.IsNullOrWhiteSpace(reason.Message));
        Assert.Equal(0, otherBus.Answers);
        Assert.Equal(0, await broker.Hub.QueryAsync(db => db.Attestations.CountAsync(Ct)));
        Assert.Equal(0, await broker.Hub.QueryAsync(db => db.Verdicts.CountAsync(Ct)));
        Assert.Equal(rejectedBefore + 1, await broker.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_attestation_of_a_city_the_verifier_is_not_assigned_to_is_refused_at_its_verifier_id()
    {
        await using var broker = await BrokerHub.StartAsync();
        using var nordic = await broker.Hub.RegisterVerifierAsync(TestVerifier.Nordic(), broker.Trondheim.CityId);
        var bergen = broker.Bergen.Snapshot().Build();
        var bergenJws = broker.Bergen.Keys.CreateSigner().Sign(bergen);
        Assert.NotNull((await broker.Hub.IngestAsync(bergenJws, Ct)).Accepted);
        await using var bus = await BusVerifier.StartAsync(nordic.VerifierId, broker.VirtualHost.Name);

        await bus.SubmitAsync(nordic.Attest(bergen, bergenJws).Sign(), Ct);

        await TestNode.WaitUntilAsync(() => Task.FromResult(bus.Answers == 1), Patience, "the refusal on the verifier's queue");
        var reason = Assert.Single(Assert.Single(bus.Rejected).Reasons);
        Assert.Equal((RejectionReason.VerifierNotAssigned, "$.verifierId"), (reason.Reason, reason.Field));
        Assert.Equal(0, await broker.Hub.QueryAsync(db => db.Attestations.CountAsync(Ct)));
    }
}
