using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Node.Workspace.Keys;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Publishing;

/// <summary>
/// Signs drafts: each gets a new snapshot id, <c>issuedAt</c> now and the current catalogue version, is checked
/// once more against the catalogue's rules (the clock may have moved since the import), signed with the active key
/// and written to the outbox in the same transaction that marks the draft published.
/// </summary>
public sealed class Publisher(SnapshotStore store, KeyStore keys, NodeSettings settings, TimeProvider time)
{
    /// <summary>Signs every draft (of <paramref name="period"/>, when given) and puts it in the outbox.</summary>
    /// <exception cref="FileNotFoundException">The active key's file is missing.</exception>
    public async Task<IReadOnlyList<PublishedSnapshot>> PublishAsync(int? period = null, CancellationToken ct = default)
    {
        var drafts = (await store.ListAsync(period, ct: ct)).Where(s => s.State == SnapshotState.Draft).ToList();
        if (drafts.Count == 0)
        {
            return [];
        }

        using var key = keys.Load(settings.ActiveKeyId);
        var signer = key.CreateSigner();
        var rules = new SnapshotRules(KpiCatalogue.Default, time);
        var published = new List<PublishedSnapshot>();
        foreach (var draft in drafts)
        {
            var now = time.GetUtcNow();
            // The payload carries whole seconds; the node records the instant exactly as signed.
            var issuedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var snapshot = new Snapshot(Guid.CreateVersion7(now), settings.CityId, draft.Period, draft.Status, draft.Supersedes,
                issuedAt, KpiCatalogue.CurrentVersion, await store.ValuesAsync(draft.Number, ct));
            var problems = rules.Check(snapshot);
            if (problems.Count > 0)
            {
                published.Add(new PublishedSnapshot(draft, null, key.KeyId, problems));
                continue;
            }

            // Format 2: the notes go to the hub as disclosures beside the JWS, so the JWS itself can be public.
            var signed = signer.SignWithDisclosures(snapshot);
            published.Add(await store.PublishAsync(draft.Number, snapshot, key.KeyId, signed.Submission, now, ct)
                ? new PublishedSnapshot(draft, snapshot.SnapshotId, key.KeyId, [])
                : new PublishedSnapshot(draft, null, key.KeyId, []));
        }

        return published;
    }
}

/// <summary>What publishing did with one draft.</summary>
/// <param name="Draft">The draft.</param>
/// <param name="SnapshotId">The id it was signed with; <see langword="null"/> when it was not published.</param>
/// <param name="KeyId">The key it was (or would have been) signed with.</param>
/// <param name="Problems">Why it was not published, when the catalogue's rules refuse it now; empty otherwise.
/// Empty with no id means another process published or replaced the draft meanwhile.</param>
public sealed record PublishedSnapshot(StoredSnapshot Draft, Guid? SnapshotId, string KeyId, IReadOnlyList<Rejection> Problems);
