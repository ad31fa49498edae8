using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.GraphQL;

namespace Network.Hub.Tests.GraphQL;

/// <summary>The schema as clients discover it: introspection, and the printed SDL of the main entry points.</summary>
public sealed class SchemaTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    // The query GraphiQL-style tools send first; its ofType chain is the deepest selection a tool sends.
    internal const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task The_full_introspection_query_of_graphiql_style_tools_is_answered()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, IntrospectionQuery)).Ok();

        Assert.Equal("Query", data.At("__schema.queryType.name").GetString());
        var types = data.At("__schema.types").Items().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Query", "Catalogue", "Kpi", "City", "Snapshot", "KpiValue", "HistoryEntry", "ScoreCard", "RollUp", "Comparison", "ComparisonCell", "Band", "DateTime" }, types);
    }

    [Fact]
    public async Task A_type_can_be_looked_up_with_its_fields_and_descriptions()
    {
        using var client = network.Hub.CreateClient();

        var data = (await GraphQLAnswer.PostAsync(client, """{ __type(name: "ComparisonCell") { name description fields { name description } } }""")).Ok();

        var fields = data.At("__type.fields").Items().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["cityId", "reported", "value", "unit", "percentOfTarget", "points", "band", "rank", "percentile", "networkMedian", "reportingCount", "quality", "verified"], fields);
        Assert.All(data.At("__type.fields").Items(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString())));
    }

    [Fact]
    public void The_printed_schema_has_the_documented_entry_points()
    {
        var schema = network.Hub.Services.GetRequiredService<NetworkSchema>();

        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = false });

        Assert.Contains("compare(cities: [ID!]!, kpis: [String!], period: Int!, asOf: DateTime, targetSet: String, basis: ScoringBasis = AS_REPORTED): Comparison!", sdl, StringComparison.Ordinal);
        Assert.Contains("cities(first: Int = 100, after: ID): [City!]!", sdl, StringComparison.Ordinal);
        Assert.Contains("city(id: ID!): City", sdl, StringComparison.Ordinal);
        Assert.Contains("scores(period: Int!, asOf: DateTime, targetSet: String, basis: ScoringBasis = AS_REPORTED): ScoreCard", sdl, StringComparison.Ordinal);
        Assert.Contains("snapshots(first: Int = 100, period: Int): [Snapshot!]!", sdl, StringComparison.Ordinal);
        Assert.Contains("values(period: Int, asOf: DateTime): [KpiValue!]!", sdl, StringComparison.Ordinal);
        Assert.Contains("history(kpi: String!): [HistoryEntry!]!", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("type Mutation", sdl, StringComparison.Ordinal);
    }
}
