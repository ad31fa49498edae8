using Network.Contracts.Messages;

namespace Network.Hub.Ingestion;

/// <summary>What the hub decided about one submission: exactly one of <see cref="Accepted"/> and <see cref="Rejected"/>.</summary>
public sealed record IngestionOutcome
{
    private IngestionOutcome(SnapshotAccepted? accepted, SnapshotRejected? rejected)
    {
        Accepted = accepted;
        Rejected = rejected;
    }

    /// <summary>The receipt, when accepted (or already held with the same content).</summary>
    public SnapshotAccepted? Accepted { get; }

    /// <summary>The refusal with every reason, when refused.</summary>
    public SnapshotRejected? Rejected { get; }

    /// <summary>The city the answer goes to.</summary>
    public string? AnswerCityId => Accepted?.CityId ?? Rejected?.CityId;

    /// <summary>An acceptance.</summary>
    public static IngestionOutcome Accept(SnapshotAccepted receipt) => new(receipt, null);

    /// <summary>A refusal.</summary>
    public static IngestionOutcome Reject(SnapshotRejected refusal) => new(null, refusal);
}
