namespace Network.Benchmarking.Matching;

/// <summary>An undirected edge of a graph for <see cref="MaximumWeightMatching"/>.</summary>
/// <param name="A">One end, a vertex number from 0.</param>
/// <param name="B">The other end; not <paramref name="A"/>.</param>
/// <param name="Weight">The edge's weight, an integer so the algorithm's dual arithmetic is exact; at most
/// <see cref="MaximumWeightMatching.MaxWeight"/> in magnitude.</param>
public readonly record struct WeightedEdge(int A, int B, long Weight);
