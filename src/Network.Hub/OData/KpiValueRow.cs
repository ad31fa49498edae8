using System.ComponentModel.DataAnnotations;
using Microsoft.OData.ModelBuilder;

namespace Network.Hub.OData;

/// <summary>
/// One value of one accepted snapshot as the OData feed shows it (entity type <c>Network.KpiValue</c>, entity set
/// <c>KpiValues</c>): one row per city, KPI (data point), period and snapshot. The stored columns and
/// <see cref="Current"/> are answered by the database, so every query option on them runs there. The engine columns
/// (<see cref="Score"/> to <see cref="Explanation"/>) are computed by the benchmarking engine for the rows of the
/// page after the database has answered; they can be selected but not filtered, sorted or grouped on, and they are
/// null for a value that was not current when it was scored (see <see cref="Score"/>).
/// </summary>
public sealed class KpiValueRow
{
    /// <summary>The row's id (stable; rows are never changed or deleted).</summary>
    [Key]
    public long Id { get; set; }

    /// <summary>The snapshot the value belongs to.</summary>
    public Guid SnapshotId { get; set; }

    /// <summary>The city, e.g. <c>NO-5001</c>.</summary>
    [Required]
    public string CityId { get; set; } = "";

    /// <summary>The reporting period (year).</summary>
    public int Period { get; set; }

    /// <summary>The KPI code, e.g. <c>EC-ICT-ICT-4C</c>.</summary>
    [Required]
    public string KpiCode { get; set; } = "";

    /// <summary>The data point (e.g. <c>4G</c>) of a KPI reported in parts; null for a KPI reported as one number.</summary>
    public string? DataPoint { get; set; }

    /// <summary>The reported number.</summary>
    public double Value { get; set; }

    /// <summary>The unit symbol, e.g. <c>%</c>.</summary>
    [Required]
    public string Unit { get; set; } = "";

    /// <summary>The U4SSC data-quality class, as the snapshot format writes it (<c>measured</c>, <c>survey-extrapolated</c>, ...).</summary>
    [Required]
    public string Quality { get; set; } = "";

    /// <summary>Who produced the data.</summary>
    [Required]
    public string Origin { get; set; } = "";

    /// <summary>Where it can be checked.</summary>
    [Required]
    public string Source { get; set; } = "";

    /// <summary>The city's note, if any.</summary>
    public string? Note { get; set; }

    /// <summary>Whether the value belongs to the current snapshot of its city and period now (the newest the city signed).</summary>
    public bool Current { get; set; }

    /// <summary>
    /// Percent of the U4SSC target reached, 0–100 (capped), against the network's default target set; null without a
    /// target. Like every engine column, it is computed among the values that were current at the same moment (now
    /// for <c>KpiValues</c>, the date for <c>ValuesAsOf</c>), and null for a value that was not current then.
    /// </summary>
    [NotFilterable, NotSortable]
    public double? Score { get; set; }

    /// <summary>U4SSC points, 1–4; null without a target.</summary>
    [NotFilterable, NotSortable]
    public int? Points { get; set; }

    /// <summary>The U4SSC band, e.g. <c>95%+ Target</c>; null without a target.</summary>
    [NotFilterable, NotSortable]
    public string? Band { get; set; }

    /// <summary>The target the value was scored against; null when the target set has none for it.</summary>
    [NotFilterable, NotSortable]
    public double? Target { get; set; }

    /// <summary>The share of the other reporting cities this city does better than, ties counting half (100 = best); null when it is the only one reporting or the KPI has no direction.</summary>
    [NotFilterable, NotSortable]
    public double? Percentile { get; set; }

    /// <summary>1 = best among the reporting cities; null when the KPI has no direction.</summary>
    [NotFilterable, NotSortable]
    public int? Rank { get; set; }

    /// <summary>How many cities reported this KPI (data point) for the period, this one included.</summary>
    [NotFilterable, NotSortable]
    public int? ReportingCities { get; set; }

    /// <summary>The median of the reporting cities' values.</summary>
    [NotFilterable, NotSortable]
    public double? NetworkMedian { get; set; }

    /// <summary>The score in words: target, source, arithmetic and standing.</summary>
    [NotFilterable, NotSortable]
    public string? Explanation { get; set; }

    /// <summary>
    /// Whether a U4SSC verifier confirmed the value: the newest verdict binding to this KPI, data point, number and unit
    /// in the city and period says <c>verified</c>.
    /// </summary>
    public bool Verified { get; set; }

    /// <summary>That newest verdict's outcome (<c>verified</c>, <c>not-verified</c>, <c>question</c>); null when no verifier gave one.</summary>
    public string? Verdict { get; set; }

    /// <summary>The verifier that gave the verdict.</summary>
    public string? VerifiedBy { get; set; }

    /// <summary>When the verifier signed the attestation holding the verdict.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>That attestation's digest (base64url SHA-256 of its JWS, as <c>GET /api/snapshots/{id}/attestations</c> lists it).</summary>
    public string? AttestationDigest { get; set; }

    /// <summary>
    /// Which values the engine columns counted: <c>asReported</c> (every reported value, the default) or
    /// <c>asVerified</c> (only verified values; asked for with the query option <c>basis=asVerified</c>).
    /// </summary>
    public string Basis { get; set; } = "";

    /// <summary>The city (navigation, for <c>$expand=City</c>).</summary>
    [Required]
    public CityRow? City { get; set; }

    /// <summary>The KPI (navigation, for <c>$expand=Kpi</c>).</summary>
    [Required]
    public KpiRow? Kpi { get; set; }

    /// <summary>The snapshot (navigation, for <c>$expand=Snapshot</c>).</summary>
    [Required]
    public SnapshotRow? Snapshot { get; set; }
}
