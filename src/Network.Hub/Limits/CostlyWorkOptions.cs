namespace Network.Hub.Limits;

/// <summary>How many costly reads the hub runs at once: configuration section <c>Network:Limits:CostlyWork</c>.</summary>
public sealed class CostlyWorkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Limits:CostlyWork";

    /// <summary>
    /// How many costly reads (a GraphQL query or OData request whose estimated cost passes its door's threshold) may run
    /// at the same time in one hub process. On two cores, two such reads already use the machine; more would only
    /// slow every one of them down and starve ingestion and <c>/health</c>.
    /// </summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a costly read may wait for a slot before it is refused with 503 and <c>Retry-After</c>.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many costly reads may wait for a slot at once; the next one is refused at once.</summary>
    public int MaxQueued { get; set; } = 8;

    /// <summary>What <c>Retry-After</c> says when a costly read is refused.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
