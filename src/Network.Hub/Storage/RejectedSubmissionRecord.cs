namespace Network.Hub.Storage;

/// <summary>
/// The error record of a refused submission: what arrived, from where, and why it was refused. Nothing of a
/// refused snapshot is stored anywhere else.
/// </summary>
public sealed class RejectedSubmissionRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; init; }

    /// <summary>When it was refused.</summary>
    public required DateTimeOffset RejectedAt { get; init; }

    /// <summary>Which door it came through.</summary>
    public required SubmissionDoor Door { get; init; }

    /// <summary>The snapshot id the payload claimed, if readable.</summary>
    public Guid? ClaimedSnapshotId { get; init; }

    /// <summary>The city the payload claimed, if readable.</summary>
    public string? ClaimedCityId { get; init; }

    /// <summary>The sending node's city (bus door), used to route the answer.</summary>
    public string? NodeCityId { get; init; }

    /// <summary>The digest of what arrived.</summary>
    public required string Digest { get; init; }

    /// <summary>The reasons, as JSON (an array of {reason, field, message}).</summary>
    public required string ReasonsJson { get; init; }

    /// <summary>The first 64 KiB of what arrived, for diagnosis.</summary>
    public required string Excerpt { get; init; }
}
