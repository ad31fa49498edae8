using GraphQL.Types;
using Network.Hub.GraphQL.Types;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A peer city found by <c>peers</c>.</summary>
public sealed class PeerGraphType : ObjectGraphType<PeerNode>
{
    /// <summary>Defines the fields.</summary>
    public PeerGraphType()
    {
        Name = "Peer";
        Description = "A peer city: in SIMILAR mode with its similarity, in COMPLEMENTARY mode with its match and explanation.";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The peer city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Its place in the answer (1 = closest or most mutually beneficial).").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<PeerModeGraphType>>("mode").Description("How it was found.").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<ScoringBasisGraphType>>("basis").Description("Which values the match counted: every reported one, or only the verified ones.").Resolve(c => c.Source.Basis);
        Field<SimilarCityGraphType>("similarity").Description("The similarity, in SIMILAR mode.").Resolve(c => c.Source.Similar);
        Field<ComplementaryMatchGraphType>("match").Description("The complementary match with its explanation, in COMPLEMENTARY mode.").Resolve(c => c.Source.Complementary);
    }
}
