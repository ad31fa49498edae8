using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.Verifiers;

/// <summary>
/// A verifier's work: the current snapshot of each period of every city it is assigned to now, with each value, the
/// verdict that counts for it and how many of the verifier's questions on it wait for the city's answer. A verifier
/// reads what a member reads of those cities (preliminary snapshots and the cities' notes: it checks figures before they
/// are public) and nothing of any other city.
/// </summary>
public sealed class VerificationQueueReader(IServiceScopeFactory scopes)
{
    /// <summary>The most snapshots one answer holds; the filters narrow a longer queue.</summary>
    public const int MaxSnapshots = 20;

    /// <summary>
    /// The queue of <paramref name="verifierId"/>, narrowed to one of its cities and one period when given: snapshots by
    /// city, newest period first, at most <see cref="MaxSnapshots"/>.
    /// </summary>
    /// <returns>The queue, or <see langword="null"/> when <paramref name="cityId"/> is not one of the verifier's cities.</returns>
    public async Task<QueueView?> ForAsync(string verifierId, string? cityId, int? period, CancellationToken ct = default)
    {
        // The caller's own readership is the public one (a verifier holds no network:read); the members' view is read
        // here by name and narrowed, in every query below, to the cities the verifier is assigned to.
        await using var scope = scopes.CreateReadingScope(Readership.Network);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var cities = await db.VerifierAssignments.AsNoTracking()
            .Where(a => a.VerifierId == verifierId && a.EndedAt == null)
            .Select(a => a.CityId).Distinct().OrderBy(c => c)
            .ToListAsync(ct);
        if (cityId is not null && !cities.Contains(cityId, StringComparer.Ordinal))
        {
            return null;
        }

        var reading = cityId is null ? cities : [cityId];
        var snapshots = await db.CurrentSnapshots().AsNoTracking()
            .Where(s => reading.Contains(s.CityId) && (period == null || s.Period == period))
            .OrderBy(s => s.CityId).ThenByDescending(s => s.Period)
            .Select(s => new { s.SnapshotId, s.CityId, s.Period, s.Status, s.IssuedAt, s.ReceivedAt, s.Digest })
            .Take(MaxSnapshots + 1)
            .ToListAsync(ct);
        var more = snapshots.Count > MaxSnapshots;
        snapshots = snapshots.Take(MaxSnapshots).ToList();

        var ids = snapshots.Select(s => s.SnapshotId).ToList();
        var periods = snapshots.Select(s => s.Period).Distinct().ToList();
        // Each value with the verdict that counts for it, by the hub's one rule (ValueVerdicts), in the same query.
        var values = await db.KpiValues.Where(v => ids.Contains(v.SnapshotId)).WithVerdicts(db).OrderBy(x => x.Value.Id).AsNoTracking().ToListAsync(ct);
        // The values this verifier has judged itself: what its verdicts bind to (city, period, KPI, data point, number, unit).
        var mine = (await db.Verdicts.AsNoTracking()
                .Where(v => v.VerifierId == verifierId && reading.Contains(v.CityId) && periods.Contains(v.Period))
                .Select(v => new { v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value, v.Unit })
                .ToListAsync(ct))
            .Select(v => (v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value, v.Unit)).ToHashSet();
        var questions = OpenQuestions(await db.ThreadMessages.AsNoTracking()
            .Where(m => m.VerifierId == verifierId && reading.Contains(m.CityId) && periods.Contains(m.Period))
            .ToListAsync(ct));

        var byId = values.ToLookup(x => x.Value.SnapshotId);
        var queued = snapshots.Select(s =>
        {
            var rows = byId[s.SnapshotId].Select(x =>
            {
                var (v, verdict) = (x.Value, x.Verdict);
                return (Mine: mine.Contains((v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value, v.Unit)), View: new QueuedValue(
                    v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit, WireNames.Of(v.Quality), v.Origin, v.Source,
                    MembersOnly.Note(v, db.SeesNetworkData),
                    verdict is null ? null : new CurrentVerdict(AttestationFormat.WireName(verdict.Outcome), verdict.VerifierId, verdict.IssuedAt, verdict.AttestationDigest, verdict.Reason),
                    questions.GetValueOrDefault((v.CityId, v.Period, v.KpiCode, v.DataPoint))));
            }).ToList();
            // Waiting: a value this verifier has not judged yet, or whose verdict that counts is an open question.
            var waiting = rows.Any(r => !r.Mine || r.View.Verdict?.Outcome == AttestationFormat.WireName(VerdictOutcome.Question));
            return new QueuedSnapshot(s.SnapshotId, s.CityId, s.Period, s.Status, s.IssuedAt, s.ReceivedAt, s.Digest, waiting, [.. rows.Select(r => r.View)]);
        }).ToList();

        return new QueueView(verifierId, cities, queued, more);
    }

    // A question is open while the city has not answered after it: the verifier's messages in a value's thread since the
    // city's last answer.
    private static Dictionary<(string CityId, int Period, string KpiCode, string DataPoint), int> OpenQuestions(List<ThreadMessageRecord> messages) =>
        messages
            .GroupBy(m => (m.CityId, m.Period, m.KpiCode, m.DataPoint))
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(m => m.PostedAt).TakeWhile(m => m.Author == ThreadAuthor.Verifier).Count());
}

/// <summary>A verifier's queue as <c>GET /api/verification/queue</c> answers it.</summary>
/// <param name="VerifierId">The verifier (the token's).</param>
/// <param name="Cities">The cities it is assigned to now.</param>
/// <param name="Snapshots">The current snapshots of those cities (or of the city and period asked for), by city, newest period first.</param>
/// <param name="More">Whether there are more than <see cref="VerificationQueueReader.MaxSnapshots"/>: ask per city (<c>cityId</c>) or period (<c>period</c>).</param>
public sealed record QueueView(string VerifierId, IReadOnlyList<string> Cities, IReadOnlyList<QueuedSnapshot> Snapshots, bool More);

/// <summary>A snapshot in a verifier's queue.</summary>
/// <param name="SnapshotId">The snapshot id an attestation names.</param>
/// <param name="CityId">The city.</param>
/// <param name="Period">The period.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="Digest">The snapshot digest an attestation names (<c>snapshotDigest</c>).</param>
/// <param name="Waiting">Whether it needs the verifier: some value has no verdict of this verifier, or its verdict that counts is a question.</param>
/// <param name="Values">Its values, in the snapshot's order.</param>
public sealed record QueuedSnapshot(
    Guid SnapshotId, string CityId, int Period, SnapshotStatus Status, DateTimeOffset IssuedAt, DateTimeOffset ReceivedAt, string Digest, bool Waiting,
    IReadOnlyList<QueuedValue> Values);

/// <summary>A value in a verifier's queue, as the city reported it, with the verdict that counts for it.</summary>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point, for KPIs reported in parts.</param>
/// <param name="Value">The number, exactly as the snapshot carries it (a verdict binds to it).</param>
/// <param name="Unit">The unit, exactly as the snapshot carries it.</param>
/// <param name="Quality">The data-quality class (wire name, e.g. <c>measured</c>).</param>
/// <param name="Origin">Who produced the data.</param>
/// <param name="Source">Where it can be checked.</param>
/// <param name="Note">The city's note.</param>
/// <param name="Verdict">The verdict that counts for the value, by any verifier; null when none.</param>
/// <param name="OpenQuestions">This verifier's questions on the value the city has not answered yet.</param>
public sealed record QueuedValue(
    string Kpi, string? DataPoint, double Value, string Unit, string Quality, string Origin, string Source, string? Note,
    CurrentVerdict? Verdict, int OpenQuestions);

/// <summary>The verdict that counts for a value.</summary>
/// <param name="Outcome"><c>verified</c>, <c>not-verified</c> or <c>question</c>.</param>
/// <param name="VerifierId">The verifier that gave it.</param>
/// <param name="IssuedAt">When the verifier signed the attestation.</param>
/// <param name="AttestationDigest">The attestation's digest.</param>
/// <param name="Reason">Why not verified, or a remark.</param>
public sealed record CurrentVerdict(string Outcome, string VerifierId, DateTimeOffset IssuedAt, string AttestationDigest, string? Reason);
