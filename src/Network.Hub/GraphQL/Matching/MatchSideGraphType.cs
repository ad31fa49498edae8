using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>One city's side of a KPI in a match.</summary>
public sealed class MatchSideGraphType : ObjectGraphType<MatchSide>
{
    /// <summary>Defines the fields.</summary>
    public MatchSideGraphType()
    {
        Name = "MatchSide";
        Description = "One city's standing on a KPI in a match, with the values behind it.";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<FloatGraphType>>("standing").Description("Direction-aware standing 0-100 (the mean percentile of the KPI's data points).").Resolve(c => c.Source.Standing);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("The quality weight of this side's values.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerValueGraphType>>>>("values").Description("The values.").Resolve(c => c.Source.Values);
    }
}
