using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;

namespace Network.Node.Tests.Outbox;

/// <summary>Drafts, publishing into the outbox, and what delivery attempts and answers do to it; no broker involved.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Publishing_signs_the_draft_with_a_new_id_and_puts_the_JWS_in_the_outbox()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);

        var published = Assert.Single(await node.PublishAsync(ct: Ct));

        var id = Assert.IsType<Guid>(published.SnapshotId);
        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((id, SnapshotState.Pending, node.Settings.ActiveKeyId), (stored.SnapshotId, stored.State, stored.KeyId));
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));
        var verified = await VerifyAsync(node, entry.Jws);
        Assert.Equal(id, verified.SnapshotId);
        Assert.Equal(("NO-5001", 2020, SnapshotStatus.Final), (verified.CityId, verified.Period, verified.Status));
        Assert.Equal(_clock.GetUtcNow(), verified.IssuedAt);
        Assert.Equal(KpiCatalogue.CurrentVersion, verified.CatalogueVersion);
        // Format 2: the notes arrive as disclosures beside the JWS, each value's digest in its place.
        Assert.Equal(SnapshotFormat.Version2, verified.FormatVersion);
        Assert.Equal(await node.Store.ValuesAsync(stored.Number, ct: Ct), verified.Values.Select(v => v with { NoteDigest = null }));
        Assert.NotEqual(0, verified.Values.Count(v => v.Note is not null));
        Assert.Equal(verified.Values.Count(v => v.Note is not null), SelectiveDisclosure.Split(entry.Jws).Disclosures.Count);
        Assert.Equal(SnapshotFormat.Digest(entry.Jws), entry.Digest);
    }

    [Fact]
    public async Task Every_published_snapshot_gets_its_own_id()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2019);
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);

        var ids = (await node.Store.ListAsync(ct: Ct)).Select(s => s.SnapshotId).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.DoesNotContain(null, ids);
    }

    [Fact]
    public async Task Publishing_a_period_leaves_the_other_drafts()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2019);
        await ImportAsync(node, 2020);

        await node.PublishAsync(2020, ct: Ct);

        Assert.Equal([(2019, SnapshotState.Draft), (2020, SnapshotState.Pending)], (await node.Store.ListAsync(ct: Ct)).Select(s => (s.Period, s.State)));
        Assert.Empty(await node.PublishAsync(2021, ct: Ct));
    }

    [Fact]
    public async Task Import_replaces_the_unpublished_draft_for_the_same_period_and_status_only()
    {
        var node = await NodeAsync();
        var first = await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var second = await ImportAsync(node, 2020);
        var preliminary = await node.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, SnapshotStatus.Preliminary, ct: Ct);
        var third = await ImportAsync(node, 2020);

        Assert.Null(first.Replaced);
        Assert.Null(second.Replaced);
        Assert.Null(preliminary.Replaced);
        Assert.Equal(second.Draft!.Number, third.Replaced!.Number);
        Assert.Equal(
            [(SnapshotStatus.Final, SnapshotState.Pending), (SnapshotStatus.Preliminary, SnapshotState.Draft), (SnapshotStatus.Final, SnapshotState.Draft)],
            (await node.Store.ListAsync(ct: Ct)).Select(s => (s.Status, s.State)));
    }

    [Fact]
    public async Task A_file_with_errors_stores_nothing()
    {
        var node = await NodeAsync();

        var outcome = await node.ImportAsync(ValueFileSamples.Csv(_directory, ValueFileSamples.Header, "EC-P-EM-1C,,x,%,measured,a,b,"), 2020, SnapshotStatus.Final, ct: Ct);

        Assert.Null(outcome.Draft);
        Assert.Empty(await node.Store.ListAsync(ct: Ct));
    }

    [Fact]
    public async Task A_snapshot_is_marked_delivered_only_once_the_connection_confirms_it()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var hub = new ScriptedHub().Then(ScriptedHub.Fail);
        var courier = node.CourierFor(hub);

        var failed = await courier.DeliverDueAsync(ignoreSchedule: false, null, Ct);

        Assert.Equal((1, 0), (failed.Due, failed.Delivered));
        var pending = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((SnapshotState.Pending, 1, "the broker did not confirm within 15 s"), (pending.State, pending.Attempts, pending.LastError));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(1), pending.NextAttemptAt);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var delivered = await courier.DeliverDueAsync(ignoreSchedule: false, null, Ct);

        Assert.Equal(1, delivered.Delivered);
        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((SnapshotState.Delivered, 2, (string?)null), (stored.State, stored.Attempts, stored.LastError));
    }

    [Fact]
    public async Task Failed_attempts_back_off_exponentially_up_to_the_cap()
    {
        var settings = new DeliverySettings { FirstRetrySeconds = 1, MaxRetrySeconds = 60 };

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(a => settings.RetryDelay(a).TotalSeconds));

        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var courier = node.CourierFor(new ScriptedHub().Then(ScriptedHub.Fail, ScriptedHub.Fail, ScriptedHub.Fail));
        await courier.DeliverDueAsync(false, null, Ct);
        Assert.Empty(await node.Store.DueAsync(_clock.GetUtcNow() + TimeSpan.FromSeconds(0.5), TimeSpan.FromMinutes(5), ct: Ct));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await courier.DeliverDueAsync(false, null, Ct);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await courier.DeliverDueAsync(false, null, Ct);

        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((3, _clock.GetUtcNow() + TimeSpan.FromSeconds(4)), (stored.Attempts, stored.NextAttemptAt));
    }

    [Fact]
    public async Task Send_delivers_pending_snapshots_whatever_their_back_off()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var hub = new ScriptedHub().Then(ScriptedHub.Fail);
        var courier = node.CourierFor(hub);
        await courier.DeliverDueAsync(false, null, Ct);

        var report = await courier.DeliverDueAsync(ignoreSchedule: true, null, Ct);

        Assert.Equal(1, report.Delivered);
        Assert.Equal(2, hub.Attempts.Count);
    }

    [Fact]
    public async Task A_pass_stops_at_the_first_failure_and_leaves_the_rest_for_the_next()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2018);
        await ImportAsync(node, 2019);
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var hub = new ScriptedHub().Then(ScriptedHub.Confirm, ScriptedHub.Fail);
        var progress = new List<DeliveryProgress>();

        var report = await node.CourierFor(hub).DeliverDueAsync(false, new InlineProgress<DeliveryProgress>(progress.Add), Ct);

        Assert.Equal((3, 1, 2), (report.Due, report.Delivered, report.Remaining));
        Assert.Equal([(1, 3, true), (2, 3, false)], progress.Select(p => (p.Done, p.Total, p.Outcome.Delivered)));
        Assert.Equal([SnapshotState.Delivered, SnapshotState.Pending, SnapshotState.Pending], (await node.Store.ListAsync(ct: Ct)).Select(s => s.State));
    }

    [Fact]
    public async Task A_delivered_snapshot_without_an_answer_is_delivered_again_after_the_answer_timeout()
    {
        var node = await NodeAsync(d => d.AnswerTimeoutSeconds = 300);
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var hub = new ScriptedHub();
        var courier = node.CourierFor(hub);
        await courier.DeliverDueAsync(false, null, Ct);

        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(0, (await courier.DeliverDueAsync(false, null, Ct)).Due);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var again = await courier.DeliverDueAsync(false, null, Ct);

        Assert.Equal(1, again.Delivered);
        Assert.Equal([false, true], hub.Attempts.Select(a => a.Redelivery));
        Assert.Equal(hub.Attempts[0].Jws, hub.Attempts[1].Jws);
    }

    [Fact]
    public async Task An_acceptance_is_recorded_on_the_snapshot_it_names()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));
        var courier = node.CourierFor(new ScriptedHub());
        await courier.DeliverDueAsync(false, null, Ct);
        StoredSnapshot? raised = null;
        courier.Answered += s => raised = s;

        await courier.OnAnswerAsync(new HubAnswer(entry.SnapshotId, entry.Digest, true, _clock.GetUtcNow(), false, []));

        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal((SnapshotState.Accepted, _clock.GetUtcNow()), (stored.State, stored.ReceivedAt));
        Assert.Equal(stored, raised);
    }

    [Fact]
    public async Task A_refusal_without_a_snapshot_id_is_matched_by_digest_and_keeps_every_reason()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));
        var courier = node.CourierFor(new ScriptedHub());
        await courier.DeliverDueAsync(false, null, Ct);
        Rejection[] reasons =
        [
            Rejections.UnknownKey(node.Settings.ActiveKeyId),
            new(RejectionReason.WrongUnit, "$.values[1].unit", "EC-P-EM-1C is reported in '%'."),
        ];

        await courier.OnAnswerAsync(new HubAnswer(null, entry.Digest, false, _clock.GetUtcNow(), false, reasons));

        var stored = Assert.Single(await node.Store.ListAsync(ct: Ct));
        Assert.Equal(SnapshotState.Rejected, stored.State);
        Assert.Equal(reasons, stored.Reasons);
    }

    [Fact]
    public async Task An_answer_that_arrives_before_the_confirm_is_kept()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));
        OutboxCourier? courier = null;
        var hub = new ScriptedHub().Then(e =>
        {
            // The hub can answer on the node's queue before Publish returns with the broker's confirm.
            courier!.OnAnswerAsync(new HubAnswer(e.SnapshotId, e.Digest, true, _clock.GetUtcNow(), false, [])).GetAwaiter().GetResult();
            return DeliveryOutcome.Confirmed;
        });
        courier = node.CourierFor(hub);

        await courier.DeliverDueAsync(false, null, Ct);

        Assert.Equal(SnapshotState.Accepted, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
        Assert.Equal(entry.SnapshotId, hub.Attempts.Single().SnapshotId);
    }

    [Fact]
    public async Task An_accepted_snapshot_stays_accepted_when_a_late_refusal_of_a_repeat_arrives()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));
        var courier = node.CourierFor(new ScriptedHub());
        await courier.OnAnswerAsync(new HubAnswer(entry.SnapshotId, entry.Digest, true, _clock.GetUtcNow(), false, []));

        await courier.OnAnswerAsync(new HubAnswer(entry.SnapshotId, entry.Digest, false, _clock.GetUtcNow(), false, [Rejections.KeyRevoked(node.Settings.ActiveKeyId, _clock.GetUtcNow())]));

        Assert.Equal(SnapshotState.Accepted, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task An_answer_about_a_snapshot_this_node_never_sent_is_ignored()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        await node.PublishAsync(ct: Ct);

        await node.CourierFor(new ScriptedHub()).OnAnswerAsync(new HubAnswer(Guid.NewGuid(), "some-other-digest", true, _clock.GetUtcNow(), false, []));

        Assert.Equal(SnapshotState.Pending, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task A_correction_supersedes_an_accepted_snapshot_of_the_node_in_the_same_period()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2019);
        await node.PublishAsync(ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct));

        var notYet = await Assert.ThrowsAsync<NodeSetupException>(() => node.CorrectAsync(entry.SnapshotId, TestValues.TrondheimCsv(_directory), ct: Ct));
        Assert.Contains("is pending, not accepted", notYet.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<NodeSetupException>(() => node.CorrectAsync(Guid.NewGuid(), TestValues.TrondheimCsv(_directory), ct: Ct));
        Assert.Contains("This node has no snapshot", unknown.Message, StringComparison.Ordinal);

        await node.CourierFor(new ScriptedHub()).OnAnswerAsync(new HubAnswer(entry.SnapshotId, entry.Digest, true, _clock.GetUtcNow(), false, []));
        var correction = await node.CorrectAsync(entry.SnapshotId, TestValues.TrondheimCsv(_directory), ct: Ct);

        Assert.Equal((2019, SnapshotStatus.Correction, entry.SnapshotId), (correction.Draft!.Period, correction.Draft.Status, correction.Draft.Supersedes));
        await node.PublishAsync(ct: Ct);
        var signed = (await node.Store.DueAsync(_clock.GetUtcNow(), TimeSpan.FromMinutes(5), ct: Ct)).Single();
        Assert.Equal(entry.SnapshotId, (await VerifyAsync(node, signed.Jws)).Supersedes);
    }

    [Fact]
    public async Task The_database_is_shared_safely_with_a_second_opening_of_the_node()
    {
        var node = await NodeAsync();
        await ImportAsync(node, 2020);
        var again = await NodeWorkspace.OpenAsync(node.Directory, time: _clock, ct: Ct);

        await again.PublishAsync(ct: Ct);

        Assert.Equal(SnapshotState.Pending, Assert.Single(await node.Store.ListAsync(ct: Ct)).State);
        Assert.Empty(await node.PublishAsync(ct: Ct));
    }

    private async Task<NodeWorkspace> NodeAsync(Action<DeliverySettings>? delivery = null)
    {
        var settings = new NodeSettings { CityId = "NO-5001", Name = "Trondheim" };
        delivery?.Invoke(settings.Delivery);
        return (await NodeWorkspace.InitialiseAsync(new DataDirectory(_directory.File("node")), settings, _clock)).Node;
    }

    private Task<ImportOutcome> ImportAsync(NodeWorkspace node, int period) =>
        node.ImportAsync(TestValues.TrondheimCsv(_directory), period, SnapshotStatus.Final, ct: Ct);

    private async Task<Snapshot> VerifyAsync(NodeWorkspace node, string jws)
    {
        using var key = node.Keys.Load(node.Settings.ActiveKeyId);
        var keys = new InMemoryKeyDirectory(new RegisteredKey(key.KeyId, "NO-5001", key.PublicJwk, DateTimeOffset.UnixEpoch));
        var result = await new SnapshotVerifier(keys, KpiCatalogue.Default, _clock).VerifyAsync(jws);
        Assert.True(result.IsValid, string.Join('\n', result.Rejections));
        return result.Verified!.Snapshot;
    }
}

/// <summary>Reports progress synchronously, in order.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
