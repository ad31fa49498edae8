namespace Network.Hub.Storage;

/// <summary>
/// One message of the question thread about one value (city, period, KPI, data point) between the city and its verifier:
/// the verifier's question or the city's answer. Members-only and never public: the embargo filter hides every row from
/// public readers, and only the city's node, its assigned verifiers and coordinators read a thread.
/// </summary>
public sealed class ThreadMessageRecord
{
    /// <summary>The message id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The city the value belongs to.</summary>
    public required string CityId { get; init; }

    /// <summary>The period.</summary>
    public required int Period { get; init; }

    /// <summary>The KPI code.</summary>
    public required string KpiCode { get; init; }

    /// <summary>The data point, or the empty string (see <see cref="StoredDataPoint"/>).</summary>
    public required string DataPoint { get; init; }

    /// <summary>The snapshot the message is about (the one current when it was written).</summary>
    public required Guid SnapshotId { get; init; }

    /// <summary>The verifier on the other side of the thread.</summary>
    public required string VerifierId { get; init; }

    /// <summary>Whether the verifier asked or the city answered.</summary>
    public required ThreadAuthor Author { get; init; }

    /// <summary>The OAuth client that wrote it (<c>node-NO-5001</c>, <c>verifier-demo-verifier</c>).</summary>
    public required string AuthorClientId { get; init; }

    /// <summary>The text, at most 4,000 characters.</summary>
    public required string Text { get; init; }

    /// <summary>When the hub stored it.</summary>
    public required DateTimeOffset PostedAt { get; init; }
}

/// <summary>Who wrote a thread message.</summary>
public enum ThreadAuthor
{
    /// <summary>The verifier: a question.</summary>
    Verifier,

    /// <summary>The city: an answer.</summary>
    City,
}
