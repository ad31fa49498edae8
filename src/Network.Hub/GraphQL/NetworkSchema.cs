using GraphQL;
using GraphQL.Types;
using Network.Hub.GraphQL.Types;

namespace Network.Hub.GraphQL;

/// <summary>The hub's GraphQL schema: queries only (snapshots enter through the signed ingestion doors, never here).</summary>
public sealed class NetworkSchema : Schema
{
    /// <summary>Builds the schema from the graph types registered in <paramref name="services"/>.</summary>
    public NetworkSchema(IServiceProvider services, NetworkQuery query)
        : base(services)
    {
        Query = query;
        Description = "The Sustainability Network hub: U4SSC KPIs, cities, signed snapshots, values, scores and comparisons.";
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeScalar));

        // Introspection answers from the schema, not the database: its size does not grow with the data, so it does
        // not count towards the complexity limit (the depth limit still applies).
        this.WithIntrospectionComplexityImpact(0);
    }
}
