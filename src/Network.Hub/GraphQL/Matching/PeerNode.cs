using Network.Benchmarking.Matching;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Matching;

/// <summary>One answer of <c>peers</c>: either a similar city or a complementary partner.</summary>
/// <param name="Mode">How it was found.</param>
/// <param name="Rank">Its place in the answer, from 1.</param>
/// <param name="Similar">The similarity, in <see cref="PeerMode.Similar"/> mode.</param>
/// <param name="Complementary">The match, in <see cref="PeerMode.Complementary"/> mode.</param>
/// <param name="Basis">Which values the match counted: every reported one, or only the verified ones.</param>
public sealed record PeerNode(PeerMode Mode, int Rank, SimilarCity? Similar, ComplementaryMatch? Complementary, ScoringBasis Basis = ScoringBasis.AsReported)
{
    /// <summary>The peer city.</summary>
    public string CityId => Similar?.CityId ?? Complementary!.PartnerId;
}
