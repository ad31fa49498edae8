using Microsoft.EntityFrameworkCore;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// Which data a period's engine was loaded from: how many snapshots of the period the reader could see, and when the
/// newest of them was received. Snapshots are never changed or deleted, only added, so a new snapshot of the period
/// changes its version and a snapshot of another period does not.
/// </summary>
/// <param name="Count">The period's stored snapshots the reader may read (received by the as-of date, if any).</param>
/// <param name="Newest">When the newest of them was received; null when there is none.</param>
public readonly record struct PeriodVersion(int Count, DateTimeOffset? Newest)
{
    /// <summary>The version of <paramref name="period"/> as of <paramref name="asOf"/> (now when null), as <paramref name="db"/>'s reader sees it.</summary>
    public static async Task<PeriodVersion> ReadAsync(NetworkDbContext db, int period, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var stats = await Snapshots(db, period, asOf)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Newest = g.Max(s => (DateTimeOffset?)s.ReceivedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        return new(stats?.Count ?? 0, stats?.Newest);
    }

    /// <summary>The snapshots a version counts.</summary>
    internal static IQueryable<SnapshotRecord> Snapshots(NetworkDbContext db, int period, DateTimeOffset? asOf)
    {
        var snapshots = db.Snapshots.Where(s => s.Period == period);
        return asOf is { } date ? snapshots.Where(s => s.ReceivedAt <= date) : snapshots;
    }
}
