namespace Network.Hub.GraphQL;

/// <summary>The limits of the GraphQL endpoint: configuration section <c>Network:GraphQL</c>.</summary>
public sealed class GraphQLOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:GraphQL";

    /// <summary>
    /// The deepest selection a query may nest, counted in fields: <c>city { scores { kpis { values { target { value } } } } }</c>
    /// is 6. The standard introspection query of GraphiQL-style tools nests its <c>ofType</c> chain deeper than any
    /// data query, so the default leaves room for it.
    /// </summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The largest estimated size of an answer, in fields: each field counts 1, multiplied by the estimated length of
    /// every list around it (<c>first</c> where given, else the typical length: 100 cities, 10 snapshots, 100 values).
    /// </summary>
    public int MaxComplexity { get; set; } = 500_000;

    /// <summary>How long one request may run before it is stopped with a <c>TIMEOUT</c> error.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
