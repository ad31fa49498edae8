using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>One KPI's part in a complementary match.</summary>
public sealed class MatchContributionGraphType : ObjectGraphType<MatchContribution>
{
    /// <summary>Defines the fields.</summary>
    public MatchContributionGraphType()
    {
        Name = "MatchContribution";
        Description = "One KPI of a match: who teaches whom, both sides' values and standings, the gap, the quality weight and what it adds to the score. The contributions add up to the match's teaches and learns.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI.").Resolve(c => c.Source.Kpi.Code);
        Field<NonNullGraphType<StringGraphType>>("kpiName").Description("The KPI's name.").Resolve(c => c.Source.Kpi.Name);
        Field<NonNullGraphType<LearningDirectionGraphType>>("direction").Description("Whether the partner teaches or learns on this KPI.").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<MatchSideGraphType>>("city").Description("The city's side.").Resolve(c => c.Source.City);
        Field<NonNullGraphType<MatchSideGraphType>>("partner").Description("The partner's side.").Resolve(c => c.Source.Partner);
        Field<NonNullGraphType<FloatGraphType>>("gap").Description("The difference in standing, in percentile points.").Resolve(c => c.Source.Gap);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("The quality weight applied (below 1 for estimated or unverified values).").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<BooleanGraphType>>("discounted").Description("Whether data quality lowered this contribution.").Resolve(c => c.Source.Discounted);
        Field<NonNullGraphType<FloatGraphType>>("contribution").Description("gap x weight: what this KPI adds to teaches or learns.").Resolve(c => c.Source.Contribution);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("The same in words.").Resolve(c => c.Source.Explanation);
    }
}
