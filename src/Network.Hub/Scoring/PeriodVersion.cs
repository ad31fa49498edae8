using Microsoft.EntityFrameworkCore;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// Which data a period's engine was loaded from: how many snapshots and attestations of the period the reader could
/// see, and when the newest of each was received. Snapshots and attestations are never changed or deleted, only
/// added, so a new snapshot of the period changes its version, and so does a new attestation (it may turn values
/// verified or not); one of another period does not.
/// </summary>
/// <param name="Count">The period's stored snapshots the reader may read (received by the as-of date, if any).</param>
/// <param name="Newest">When the newest of them was received; null when there is none.</param>
/// <param name="Attestations">The period's stored attestations the reader may read (received by the as-of date, if any).</param>
/// <param name="NewestAttestation">When the newest of them was received; null when there is none.</param>
public readonly record struct PeriodVersion(int Count, DateTimeOffset? Newest, int Attestations = 0, DateTimeOffset? NewestAttestation = null)
{
    /// <summary>The version of <paramref name="period"/> as of <paramref name="asOf"/> (now when null), as <paramref name="db"/>'s reader sees it.</summary>
    public static async Task<PeriodVersion> ReadAsync(NetworkDbContext db, int period, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        // One statement: the attestations' count and newest receipt ride along as scalar subqueries. An attestation
        // needs a stored snapshot of the period, received before it, so a period without snapshots has none either.
        var attestations = AttestationsOf(db, period, asOf);
        var stats = await Snapshots(db, period, asOf)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Newest = g.Max(s => (DateTimeOffset?)s.ReceivedAt),
                Attestations = attestations.Count(),
                NewestAttestation = attestations.Max(a => (DateTimeOffset?)a.ReceivedAt),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return stats is null ? default : new(stats.Count, stats.Newest, stats.Attestations, stats.NewestAttestation);
    }

    /// <summary>The snapshots a version counts.</summary>
    internal static IQueryable<SnapshotRecord> Snapshots(NetworkDbContext db, int period, DateTimeOffset? asOf)
    {
        var snapshots = db.Snapshots.Where(s => s.Period == period);
        return asOf is { } date ? snapshots.Where(s => s.ReceivedAt <= date) : snapshots;
    }

    /// <summary>The attestations a version counts.</summary>
    internal static IQueryable<AttestationRecord> AttestationsOf(NetworkDbContext db, int period, DateTimeOffset? asOf)
    {
        var attestations = db.Attestations.Where(a => a.Period == period);
        return asOf is { } date ? attestations.Where(a => a.ReceivedAt <= date) : attestations;
    }
}
