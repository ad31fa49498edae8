using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;

namespace Network.Hub.Storage;

/// <summary>
/// "The current verdict of each value", derived from the stored verdicts (nothing is overwritten). A verdict binds to
/// a value by city, period, KPI, data point, number and unit, not to a snapshot's row: of all accepted verdicts of a
/// city and period that bind to a value, the one that counts is the newest (greatest <c>IssuedAt</c>; ties broken by
/// <c>ReceivedAt</c>, then the row id). A correction that keeps a value unchanged therefore keeps its verdict, and a
/// value it changes has none until a verifier attests the new number. Every query here is one SQL statement that
/// reads the verdicts through the index on (CityId, Period, KpiCode, DataPoint, IssuedAt, ReceivedAt), and the
/// embargo's query filter applies to the verdicts as to the values: a public reader never sees a verdict on
/// preliminary figures.
/// </summary>
public static class ValueVerdicts
{
    /// <summary>
    /// The verdicts that count: for every binding (city, period, KPI, data point, number, unit), the newest verdict the
    /// hub had received by <paramref name="asOf"/> (now when null).
    /// </summary>
    public static IQueryable<VerdictRecord> CurrentVerdicts(this NetworkDbContext db, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var received = asOf is { } d ? db.Verdicts.Where(v => v.ReceivedAt <= d) : db.Verdicts;
        return received.Where(v => !received.Any(o =>
            o.CityId == v.CityId && o.Period == v.Period && o.KpiCode == v.KpiCode && o.DataPoint == v.DataPoint &&
            o.Value == v.Value && o.Unit == v.Unit &&
            (o.IssuedAt > v.IssuedAt
             || (o.IssuedAt == v.IssuedAt && o.ReceivedAt > v.ReceivedAt)
             || (o.IssuedAt == v.IssuedAt && o.ReceivedAt == v.ReceivedAt && o.Id > v.Id))));
    }

    /// <summary>
    /// Whether each of <paramref name="values"/> is verified (its current verdict is <see cref="VerdictOutcome.Verified"/>),
    /// as a query the caller projects further: the row and the flag.
    /// </summary>
    public static IQueryable<VerifiedValue> WithVerifiedFlag(this IQueryable<KpiValueRecord> values, NetworkDbContext db, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var verdicts = db.CurrentVerdicts(asOf);
        return values.Select(v => new VerifiedValue
        {
            Value = v,
            Verified = verdicts.Any(d =>
                d.CityId == v.CityId && d.Period == v.Period && d.KpiCode == v.KpiCode && d.DataPoint == v.DataPoint &&
                d.Value == v.Value && d.Unit == v.Unit && d.Outcome == VerdictOutcome.Verified),
        });
    }

    /// <summary>
    /// Each of <paramref name="values"/> with its current verdict (null when it has none), as of <paramref name="asOf"/>
    /// (now when null): a left join the caller projects further, so the values and their verdicts come in one query.
    /// </summary>
    public static IQueryable<ValueWithVerdict> WithVerdicts(this IQueryable<KpiValueRecord> values, NetworkDbContext db, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.LeftJoin(
            db.CurrentVerdicts(asOf),
            v => new { v.CityId, v.Period, v.KpiCode, v.DataPoint, v.Value, v.Unit },
            d => new { d.CityId, d.Period, d.KpiCode, d.DataPoint, d.Value, d.Unit },
            (v, d) => new ValueWithVerdict { Value = v, Verdict = d });
    }

    /// <summary>
    /// The share of verified values among the values of the current snapshots, per city that has current values
    /// (<paramref name="cityIds"/> only, or every city when null), over every period.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, VerifiedShare>> ReadVerifiedSharesAsync(
        this NetworkDbContext db, IReadOnlyCollection<string>? cityIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = db.CurrentValues();
        if (cityIds is not null)
        {
            values = values.Where(v => cityIds.Contains(v.CityId));
        }

        var counts = await values.WithVerifiedFlag(db)
            .GroupBy(x => x.Value.CityId)
            .Select(g => new { CityId = g.Key, Values = g.Count(), Verified = g.Count(x => x.Verified) })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.CityId, c => new VerifiedShare(c.Values, c.Verified), StringComparer.Ordinal);
    }
}

/// <summary>A stored value and whether its current verdict is "verified" (a projection of <see cref="ValueVerdicts.WithVerifiedFlag"/>).</summary>
public sealed class VerifiedValue
{
    /// <summary>The stored value.</summary>
    public required KpiValueRecord Value { get; init; }

    /// <summary>Whether its current verdict is <see cref="VerdictOutcome.Verified"/>.</summary>
    public required bool Verified { get; init; }
}

/// <summary>A stored value and its current verdict (a projection of <see cref="ValueVerdicts.WithVerdicts"/>).</summary>
public sealed class ValueWithVerdict
{
    /// <summary>The stored value.</summary>
    public required KpiValueRecord Value { get; init; }

    /// <summary>The verdict that counts for it; null when no verifier gave one (or none the reader may see).</summary>
    public VerdictRecord? Verdict { get; init; }
}

/// <summary>The verdict that counts for one value: its outcome, who gave it, when, and in which attestation.</summary>
/// <param name="Outcome">Verified, not verified, or a question.</param>
/// <param name="VerifierId">The verifier that gave it.</param>
/// <param name="IssuedAt">When the verifier signed the attestation.</param>
/// <param name="AttestationDigest">The attestation's digest (base64url SHA-256 of its JWS).</param>
/// <param name="Reason">Why not verified, or a remark, if the verifier gave one.</param>
public sealed record ValueVerdict(VerdictOutcome Outcome, string VerifierId, DateTimeOffset IssuedAt, string AttestationDigest, string? Reason)
{
    /// <summary>Whether the value counts as verified.</summary>
    public bool Verified => Outcome == VerdictOutcome.Verified;

    /// <summary>The reader's view of a stored current verdict; null for none.</summary>
    public static ValueVerdict? Of(VerdictRecord? verdict) =>
        verdict is null ? null : new(verdict.Outcome, verdict.VerifierId, verdict.IssuedAt, verdict.AttestationDigest, verdict.Reason);

    /// <summary>The outcome's wire name (<c>verified</c>, <c>not-verified</c>, <c>question</c>).</summary>
    public string WireName => AttestationFormat.WireName(Outcome);
}

/// <summary>How many of a city's current values are verified.</summary>
/// <param name="Values">Values of the city's current snapshots (every period).</param>
/// <param name="Verified">How many of them are verified.</param>
public readonly record struct VerifiedShare(int Values, int Verified)
{
    /// <summary>Verified values over values; 0 when the city has none.</summary>
    public double Share => Values == 0 ? 0 : (double)Verified / Values;
}
