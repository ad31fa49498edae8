using Network.Contracts.Snapshots;

namespace Network.Hub.Storage;

/// <summary>
/// An accepted snapshot: the raw JWS exactly as received (anyone can re-verify it), its parsed header facts,
/// and the receipt. Never updated or deleted; "current" values are derived from the newest one per city and period.
/// </summary>
public sealed class SnapshotRecord
{
    /// <summary>The node's snapshot id.</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>The city.</summary>
    public required string CityId { get; init; }

    /// <summary>The reporting period (year).</summary>
    public required int Period { get; init; }

    /// <summary>Preliminary, final or correction.</summary>
    public required SnapshotStatus Status { get; init; }

    /// <summary>For a correction, the snapshot it supersedes.</summary>
    public Guid? Supersedes { get; init; }

    /// <summary>
    /// Whether the snapshot is part of the public record (see <see cref="Embargo.PublicRecord"/>): decided at
    /// ingestion, because a correction's standing depends on the whole chain it corrects.
    /// </summary>
    public required bool Public { get; init; }

    /// <summary>When the city signed it.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The catalogue version the values were written for.</summary>
    public required string CatalogueVersion { get; init; }

    /// <summary>The key that signed it.</summary>
    public required string KeyId { get; init; }

    /// <summary>
    /// The compact JWS as received (for a format-2 snapshot the JWS part, without its disclosures). Members-only when
    /// it holds a note in the clear (<see cref="JwsPublic"/>); read it through <see cref="Embargo.MembersOnly.Jws"/>.
    /// </summary>
    public required string Jws { get; init; }

    /// <summary>
    /// Whether <see cref="Jws"/> holds nothing members-only, so every reader of the snapshot may have it: true for a
    /// format-2 snapshot (notes withheld behind disclosures) and for a format-1 snapshot without notes; false for a
    /// format-1 snapshot with a note in the clear, and for rows stored before this was recorded.
    /// </summary>
    public bool JwsPublic { get; init; }

    /// <summary>
    /// A format-2 snapshot's disclosures of its notes, as received, each followed by <c>~</c> (the SD-JWT form after
    /// the JWS, so <c>Jws + "~" + Disclosures</c> is what the city sent); <see langword="null"/> when it had none.
    /// Members-only: read it through <see cref="Embargo.MembersOnly.Disclosures"/>.
    /// </summary>
    public string? Disclosures { get; init; }

    /// <summary>The snapshot digest (base64url SHA-256 of the JWS): the content hash idempotency compares.</summary>
    public required string Digest { get; init; }

    /// <summary>The content hash (SHA-256 of the payload part): the same snapshot re-signed has the same one.</summary>
    public required string ContentHash { get; init; }

    /// <summary>When the hub stored it: the receipt's time.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Which door it came in through.</summary>
    public required SubmissionDoor Door { get; init; }

    /// <summary>The values, one row each.</summary>
    public List<KpiValueRecord> Values { get; init; } = [];
}
