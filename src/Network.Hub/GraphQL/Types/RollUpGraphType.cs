using GraphQL.Types;
using Network.Benchmarking.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>Points summed over a category, sub-dimension or dimension.</summary>
public sealed class RollUpGraphType : ObjectGraphType<RollUp>
{
    /// <summary>Defines the fields.</summary>
    public RollUpGraphType()
    {
        Name = "RollUp";
        Description = "A city's points summed over a category, sub-dimension or dimension, over the KPIs with both a value and a target, as a percentage of the maximum (4 per such KPI).";
        Field<NonNullGraphType<RollUpLevelGraphType>>("level").Description("Category, sub-dimension or dimension.").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The node's code: SC-EH-ED, SC-EH or SC.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The node's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("points").Description("The points of the counted KPIs, summed.").Resolve(c => c.Source.Points);
        Field<NonNullGraphType<IntGraphType>>("maxPoints").Description("4 x the number of counted KPIs.").Resolve(c => c.Source.MaxPoints);
        Field<FloatGraphType>("percentage").Description("Points as a percentage of the maximum; null when no KPI was counted.").Resolve(c => c.Source.Percentage);
        Field<BandGraphType>("band").Description("The band of the percentage; null when no KPI was counted.").Resolve(c => c.Source.Band);
        Field<FloatGraphType>("meanPercentile").Description("The mean network percentile of the reported KPIs that have one.").Resolve(c => c.Source.MeanPercentile);
        Field<NonNullGraphType<IntGraphType>>("percentileCount").Description("How many KPIs the mean percentile is over.").Resolve(c => c.Source.PercentileCount);
        Field<NonNullGraphType<IntGraphType>>("countedKpis").Description("How many KPIs have both a value and a target, and so count in the points.").Resolve(c => c.Source.ScoredCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reported").Description("The codes of the node's KPIs the city reported, counted or not.").Resolve(c => c.Source.Kpis.Select(k => k.Code).ToArray());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notReported").Description("The codes of the node's KPIs the city did not report.").Resolve(c => c.Source.NotReported);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("Which KPIs counted, with their points, and which did not and why.").Resolve(c => c.Source.Explanation);
    }
}
