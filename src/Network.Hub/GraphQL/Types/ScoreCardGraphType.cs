using GraphQL;
using GraphQL.Types;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.GraphQL.Types;

/// <summary>A city's U4SSC score card for one period against one target set.</summary>
public sealed class ScoreCardGraphType : ObjectGraphType<ScoreCardNode>
{
    /// <summary>Defines the fields.</summary>
    public ScoreCardGraphType()
    {
        Name = "ScoreCard";
        Description = "One city's benchmarking result for one period: each reported KPI scored, and the roll-ups. KPIs not reported appear nowhere (never as 0).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.Card.CityId);
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period.").Resolve(c => c.Source.Card.Period);
        Field<NonNullGraphType<ScoringBasisGraphType>>("basis").Description("Which values counted: every reported one, or only the verified ones.").Resolve(c => c.Source.Basis);
        Field<NonNullGraphType<TargetSetGraphType>>("targetSet").Description("The target set scored against.").Resolve(c => c.Source.Card.TargetSet);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiScoreGraphType>>>>("kpis").Description("The KPIs the city reported, in catalogue order.").WithComplexityImpact(1, Arguments.TypicalValues).Resolve(c => c.Source.Card.Kpis);
        Field<KpiScoreGraphType>("kpi")
            .Description("One KPI's score; null when the city did not report it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The KPI code.")
            .Resolve(c => c.Source.Card.Kpi(c.GetArgument<string>("code")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("categories").Description("Every category node, in catalogue order.").WithComplexityImpact(1, 27).Resolve(c => c.Source.Card.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("subDimensions").Description("The seven sub-dimensions.").Resolve(c => c.Source.Card.SubDimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RollUpGraphType>>>>("dimensions").Description("The three dimensions.").Resolve(c => c.Source.Card.Dimensions);
    }
}
