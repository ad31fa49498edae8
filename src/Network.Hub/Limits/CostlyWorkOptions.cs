namespace Network.Hub.Limits;

/// <summary>How many costly reads the hub runs at once: configuration section <c>Network:Limits:CostlyWork</c>.</summary>
public sealed class CostlyWorkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Limits:CostlyWork";

    /// <summary>
    /// How many costly reads (a GraphQL query or OData request whose estimated cost passes its door's threshold) may run
    /// at the same time in one hub process: by default one fewer than the machine's cores, at least one. A costly read
    /// keeps a core busy for seconds; leaving one core to everything else is what keeps ingestion at its unloaded rate
    /// and <c>/health/live</c> fast while costly reads pour in (measured: on two cores, 2 at once kept 0.50 of the
    /// ingestion rate and a liveness p99 of 110 ms, 1 at once 0.99 and 88 ms; docs/security.md).
    /// </summary>
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>How long a costly read may wait for a slot before it is refused with 503 and <c>Retry-After</c>.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many costly reads may wait for a slot at once; the next one is refused at once.</summary>
    public int MaxQueued { get; set; } = 8;

    /// <summary>What <c>Retry-After</c> says when a costly read is refused.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
