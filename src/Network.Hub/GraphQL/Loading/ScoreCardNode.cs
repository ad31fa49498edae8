using Network.Benchmarking.Scoring;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Loading;

/// <summary>A city's score card and the basis it was scored on (every answer that scores says which values counted).</summary>
/// <param name="Card">The engine's score card.</param>
/// <param name="Basis">Every reported value, or only the verified ones.</param>
public sealed record ScoreCardNode(ScoreCard Card, ScoringBasis Basis);
