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

    /// <summary>
    /// The most tokens (names, punctuation, values) a document may have, counted before it is parsed. The standard
    /// introspection query of GraphiQL-style tools has about 250, a large <c>compare</c> of 100 cities about 400.
    /// </summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>
    /// The most fields a document may select once every fragment spread is expanded, each repeated field and each alias
    /// counted: checked before validation, whose cost grows with the square of the fields in one selection. The
    /// standard introspection query selects about 370.
    /// </summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>The deepest nesting the parser follows, in syntax nodes (selections, lists, objects): a bound on recursion, far above <see cref="MaxDepth"/>.</summary>
    public int MaxParserDepth { get; set; } = 128;

    /// <summary>
    /// The estimated cost (see <see cref="MaxComplexity"/> and <see cref="Limits.FieldCosts"/>) from which a query is
    /// costly: it takes a slot of the process-wide <see cref="Hub.Limits.CostlyWorkGate"/> before it runs, or is refused
    /// with 503 and <c>Retry-After</c> when none comes free in time. One <c>peers</c>, <c>learnFrom</c>, <c>compare</c>
    /// or <c>network</c>, or score cards for 5 cities, reach it.
    /// </summary>
    public int CostlyFrom { get; set; } = 1_000;

    /// <summary>How long one request may run before it is stopped with a <c>TIMEOUT</c> error.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
