using Network.Benchmarking.Matching;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Matching;

/// <summary>The coordinator's view of one period: its matcher and whether the reader may see the pairing.</summary>
/// <param name="Matcher">The period's matcher.</param>
/// <param name="MayCoordinate">Whether the caller has <c>network:coordinate</c>.</param>
/// <param name="Basis">Which values the view counted: every reported one, or only the verified ones.</param>
public sealed record NetworkViewNode(PeerMatcher Matcher, bool MayCoordinate, ScoringBasis Basis = ScoringBasis.AsReported)
{
    /// <summary>The period.</summary>
    public int Period => Matcher.Period.Period;
}
