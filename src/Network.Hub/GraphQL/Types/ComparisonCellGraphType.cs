using GraphQL.Types;
using Network.Hub.Comparison;

namespace Network.Hub.GraphQL.Types;

/// <summary>A cell of a comparison: one city's value of one KPI (data point).</summary>
public sealed class ComparisonCellGraphType : ObjectGraphType<ComparisonCell>
{
    /// <summary>Defines the fields.</summary>
    public ComparisonCellGraphType()
    {
        Name = "ComparisonCell";
        Description = "One city's value of one KPI (data point), scored. When the city did not report it, value and every score field are null (never 0).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<BooleanGraphType>>("reported").Description("Whether the city reported this value.").Resolve(c => c.Source.Reported);
        Field<FloatGraphType>("value").Description("The reported number; null when not reported.").Resolve(c => c.Source.Score?.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("The unit symbol.").Resolve(c => c.Source.Unit);
        Field<FloatGraphType>("percentOfTarget").Description("The score: percent of target, 0-100 (capped); null without a value or a target.").Resolve(c => c.Source.Score?.PercentOfTarget);
        Field<IntGraphType>("points").Description("U4SSC points 1-4.").Resolve(c => c.Source.Score?.Points);
        Field<BandGraphType>("band").Description("The U4SSC band.").Resolve(c => c.Source.Score?.Band);
        Field<IntGraphType>("rank").Description("1 = best in the network.").Resolve(c => c.Source.Score?.Standing.Rank);
        Field<FloatGraphType>("percentile").Description("Network percentile, 0-100.").Resolve(c => c.Source.Score?.Standing.Percentile);
        Field<FloatGraphType>("networkMedian").Description("The network median.").Resolve(c => c.Source.NetworkMedian);
        Field<NonNullGraphType<IntGraphType>>("reportingCount").Description("How many cities of the network reported it.").Resolve(c => c.Source.ReportingCount);
        Field<DataQualityGraphType>("quality").Description("How the value was obtained.").Resolve(c => c.Source.Score?.Quality);
        Field<BooleanGraphType>("verified").Description("Whether a verifier confirmed the value.").Resolve(c => c.Source.Score?.Verified);
    }
}
