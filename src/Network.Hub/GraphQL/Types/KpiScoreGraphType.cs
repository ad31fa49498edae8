using GraphQL.Types;
using Network.Benchmarking.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>One reported KPI, scored.</summary>
public sealed class KpiScoreGraphType : ObjectGraphType<KpiScore>
{
    /// <summary>Defines the fields.</summary>
    public KpiScoreGraphType()
    {
        Name = "KpiScore";
        Description = "A reported KPI, scored: one value, or one per reported data point (the KPI counts once, with the mean of their points).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The KPI code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<KpiGraphType>>("kpi").Description("The KPI.").Resolve(c => c.Source.Kpi);
        Field<FloatGraphType>("points").Description("Points 1-4 (a mean over data points may be fractional); null when no value has a target.").Resolve(c => c.Source.Points);
        Field<BandGraphType>("band").Description("The band of the points as a share of 4; null without points.").Resolve(c => c.Source.Band);
        Field<FloatGraphType>("percentile").Description("The network percentile (mean over data points); null when undefined.").Resolve(c => c.Source.Percentile);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("How the points and percentile were formed.").Resolve(c => c.Source.Explanation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueScoreGraphType>>>>("values").Description("The scored values, in catalogue order.").Resolve(c => c.Source.Values);
    }
}
