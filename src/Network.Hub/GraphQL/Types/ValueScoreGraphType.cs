using GraphQL.Types;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>One reported value, scored against its target and placed in the network.</summary>
public sealed class ValueScoreGraphType : ObjectGraphType<ValueScore>
{
    /// <summary>Defines the fields.</summary>
    public ValueScoreGraphType()
    {
        Name = "ValueScore";
        Description = "A reported value: percent of target, points and band where the target set has a target; always its standing among the cities that reported it.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI code.").Resolve(c => c.Source.Key.Kpi);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.Key.DataPoint);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The reported number.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("The unit symbol.").Resolve(c => c.RequestServices!.GetRequiredService<KpiCatalogue>()[c.Source.Key.Kpi].Unit.Symbol);
        Field<NonNullGraphType<DataQualityGraphType>>("quality").Description("How it was obtained; never changes a score.").Resolve(c => c.Source.Quality);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Whether a U4SSC verifier verified it; on the AS_VERIFIED basis only verified values are scored.").Resolve(c => c.Source.Verified);
        Field<TargetGraphType>("target").Description("The target it was scored against; null when the set has none.").Resolve(c => c.Source.Target);
        Field<FloatGraphType>("percentOfTarget").Description("Percent of target, 0-100 (capped); null without a target.").Resolve(c => c.Source.PercentOfTarget);
        Field<IntGraphType>("points").Description("U4SSC points 1-4; null without a target.").Resolve(c => c.Source.Points);
        Field<BandGraphType>("band").Description("The U4SSC band; null without a target.").Resolve(c => c.Source.Band);
        Field<FloatGraphType>("percentile").Description("The share of the other reporting cities it does better than (ties count half), 0-100; null when it is the only one or the KPI has no direction.").Resolve(c => c.Source.Standing.Percentile);
        Field<IntGraphType>("rank").Description("1 = best in the network; ties share the best rank of their group. Null when the KPI has no direction.").Resolve(c => c.Source.Standing.Rank);
        Field<NonNullGraphType<IntGraphType>>("reportingCount").Description("How many cities reported it for the period.").Resolve(c => c.Source.Standing.ReportingCount);
        Field<NonNullGraphType<FloatGraphType>>("networkMedian").Description("The median of the reported values.").Resolve(c => c.Source.Standing.NetworkMedian);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("The score in words: target, source, arithmetic, standing.").Resolve(c => c.Source.Explanation);
    }
}
