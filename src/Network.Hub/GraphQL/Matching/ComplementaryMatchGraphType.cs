using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A complementary partner, with the explanation of its score.</summary>
public sealed class ComplementaryMatchGraphType : ObjectGraphType<ComplementaryMatch>
{
    /// <summary>Defines the fields.</summary>
    public ComplementaryMatchGraphType()
    {
        Name = "ComplementaryMatch";
        Description = "Two cities that can learn from each other: what the partner can teach, what it can learn, and the mutual benefit (both directions must be worth it).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<IdGraphType>>("partnerId").Description("The partner.").Resolve(c => c.Source.PartnerId);
        Field<NonNullGraphType<FloatGraphType>>("teaches").Description("The sum of the contributions where the partner teaches.").Resolve(c => c.Source.Teaches);
        Field<NonNullGraphType<FloatGraphType>>("learns").Description("The sum of the contributions where the partner learns.").Resolve(c => c.Source.Learns);
        Field<NonNullGraphType<FloatGraphType>>("mutual").Description("The mutual benefit of teaches and learns (see the engine README); the same seen from either city.").Resolve(c => c.Source.Mutual);
        Field<NonNullGraphType<IntGraphType>>("sharedKpis").Description("How many KPIs both reported.").Resolve(c => c.Source.SharedKpis);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The match in one sentence.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchContributionGraphType>>>>("contributions").Description("Each KPI's part, largest first.").Resolve(c => c.Source.Contributions);
    }
}
