using GraphQL.Types;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="ScoringBasis"/>: <c>AS_REPORTED</c>, <c>AS_VERIFIED</c>.</summary>
public sealed class ScoringBasisGraphType : EnumerationGraphType<ScoringBasis>
{
    /// <summary>Names and describes the enum.</summary>
    public ScoringBasisGraphType()
    {
        Name = "ScoringBasis";
        Description = "Which values a score counts: AS_REPORTED, every value the cities reported (the default), or AS_VERIFIED, only the values a U4SSC verifier verified (as in a U4SSC City Snapshot).";
    }
}
