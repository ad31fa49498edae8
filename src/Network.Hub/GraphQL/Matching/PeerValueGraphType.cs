using GraphQL.Types;
using Network.Benchmarking.Matching;
using Network.Hub.GraphQL.Types;

namespace Network.Hub.GraphQL.Matching;

/// <summary>One reported value as a match explanation shows it.</summary>
public sealed class PeerValueGraphType : ObjectGraphType<PeerValue>
{
    /// <summary>Defines the fields.</summary>
    public PeerValueGraphType()
    {
        Name = "PeerValue";
        Description = "A reported value with its quality, verification, standing in the network and score.";
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.Key.DataPoint);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The number.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<DataQualityGraphType>>("quality").Description("How it was obtained.").Resolve(c => c.Source.Quality);
        Field<NonNullGraphType<BooleanGraphType>>("verified").Description("Whether a U4SSC verifier countersigned it.").Resolve(c => c.Source.Verified);
        Field<NonNullGraphType<FloatGraphType>>("qualityWeight").Description("How much the value counts in a match (1 for verified measured data, less for estimates and unverified data).").Resolve(c => c.Source.QualityWeight);
        Field<FloatGraphType>("percentile").Description("Direction-aware percentile among the cities that reported it (100 = best).").Resolve(c => c.Source.Standing.Percentile);
        Field<IntGraphType>("rank").Description("Rank among the reporting cities (1 = best).").Resolve(c => c.Source.Standing.Rank);
        Field<NonNullGraphType<IntGraphType>>("reportingCount").Description("How many cities reported it.").Resolve(c => c.Source.Standing.ReportingCount);
        Field<IntGraphType>("points").Description("U4SSC points against the target, when there is a target.").Resolve(c => c.Source.Points);
        Field<BandGraphType>("band").Description("U4SSC band, when there is a target.").Resolve(c => c.Source.Band);
    }
}
