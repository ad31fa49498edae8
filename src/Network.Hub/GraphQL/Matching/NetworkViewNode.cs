using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>The coordinator's view of one period: its matcher and whether the reader may see the pairing.</summary>
/// <param name="Matcher">The period's matcher.</param>
/// <param name="MayCoordinate">Whether the caller has <c>network:coordinate</c>.</param>
public sealed record NetworkViewNode(PeerMatcher Matcher, bool MayCoordinate)
{
    /// <summary>The period.</summary>
    public int Period => Matcher.Period.Period;
}
