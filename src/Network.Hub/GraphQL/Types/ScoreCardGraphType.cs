using GraphQL;
using GraphQL.Types;
using Network.Benchmarking.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>A city's U4SSC score card for one period against one target set.</summary>
public sealed class ScoreCardGraphType : ObjectGraphType<ScoreCard>
{
    /// <summary>Defines the fields.</summary>
    public ScoreCardGraphType()
    {
        Name = "ScoreCard";
        Description = "One city's benchmarking result for one period: each reported KPI scored, and the roll-ups. KPIs not reported appear nowhere (never as 0).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<TargetSetGraphType>>("targetSet").Description("The target set scored against.").Resolve(c => c.Source.TargetSet);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiScoreGraphType>>>>("kpis").Description("The KPIs the city reported, in catalogue order.").WithComplexityImpact(1, Arguments.TypicalValues).Resolve(c => c.Source.Kpis);
        Field<KpiScoreGraphType>("kpi")
            .Description("One KPI's score; null when the city did not report it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The KPI code.")
            .Resolve(c => c.Source.Kpi(c.GetArgument<string>("code")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("categories").Description("Every category node, in catalogue order.").WithComplexityImpact(1, 27).Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("subDimensions").Description("The seven sub-dimensions.").Resolve(c => c.Source.SubDimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("dimensions").Description("The three dimensions.").Resolve(c => c.Source.Dimensions);
    }
}
