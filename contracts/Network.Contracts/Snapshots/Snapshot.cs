namespace Network.Contracts.Snapshots;

/// <summary>
/// One city's KPI values for one reporting period, as the city signs it. A snapshot is never changed
/// after signing: a later snapshot with status <see cref="SnapshotStatus.Correction"/> supersedes it.
/// </summary>
/// <param name="SnapshotId">Chosen by the node; the hub is idempotent on it.</param>
/// <param name="CityId">ISO 3166-1 alpha-2 country, a dash, the national municipality number: <c>NO-5001</c>.</param>
/// <param name="Period">The reporting year.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">For a correction, the snapshot it replaces (same city and period); otherwise <see langword="null"/>.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="CatalogueVersion">The KPI catalogue version the values were written for.</param>
/// <param name="Values">The values; at most one per KPI (and data point).</param>
/// <param name="FormatVersion">The payload's format: 1 (notes in the clear) or 2 (notes withheld as SD-JWT disclosures,
/// <see cref="Disclosures.SelectiveDisclosure"/>); contracts/README.md §4 documents both.</param>
public sealed record Snapshot(
    Guid SnapshotId,
    string CityId,
    int Period,
    SnapshotStatus Status,
    Guid? Supersedes,
    DateTimeOffset IssuedAt,
    string CatalogueVersion,
    IReadOnlyList<KpiValue> Values,
    int FormatVersion = SnapshotFormat.Version1);
