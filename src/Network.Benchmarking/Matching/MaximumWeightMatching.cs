namespace Network.Benchmarking.Matching;

/// <summary>
/// An exact maximum-weight matching in a general (not only bipartite) undirected graph: a set of edges, no two
/// sharing a vertex, whose total weight is as large as possible. Not necessarily perfect: a vertex stays single when
/// every way of pairing it would lower the total.
/// </summary>
/// <remarks>
/// <para>
/// Edmonds' blossom algorithm with the primal-dual method, in Galil's O(n³) formulation ("Efficient Algorithms for
/// Finding Maximum Matching in Graphs", ACM Computing Surveys, 1986), following the structure of Joris van Rantwijk's
/// well-known <c>mwmatching</c>: stages that each find one augmenting path (at most n/2 stages), substages that grow
/// alternating trees, shrink odd cycles into blossoms, expand them again, and adjust the dual variables by the
/// smallest of four slacks when no tight edge is left. Least-slack edges are tracked per vertex and per blossom so that
/// each substage costs O(n) besides the edge scans: O(n³) time and O(n + m) memory for n vertices and m edges.
/// </para>
/// <para>
/// Dense graphs (peer pairing has an edge between almost every two cities) are solved on a sparse core first: each
/// vertex's heaviest edges. The core's optimal duals then price every other edge: if none has negative slack, the
/// duals are feasible for the whole graph with the same objective, so by LP duality the core's matching is optimal
/// for the whole graph; otherwise the most violated edges (up to c per vertex) join the core and it is solved again.
/// The answer is the same as solving the whole graph at once (the tests check it against brute force), only faster:
/// each round scans O(n·c) edges per stage instead of O(m), plus O(m) to price, and a handful of rounds suffice (six
/// for 1,000 synthetic cities, where the core ends at about 3 % of the 500,000 edges).
/// Edges of weight 0 or less are dropped first: an optimal matching never needs them.
/// </para>
/// <para>
/// Weights are integers (<see langword="long"/>): dual variables are kept doubled, so every quantity stays an integer
/// and optimality is exact, with no tolerance to tune. Callers with real weights scale and round them first (peer
/// pairing uses a precision of 10⁻⁶).
/// </para>
/// </remarks>
public static class MaximumWeightMatching
{
    /// <summary>The largest edge weight magnitude accepted (2⁵²): the doubled duals cannot overflow.</summary>
    public const long MaxWeight = 1L << 52;

    /// <summary>The heaviest edges per vertex the sparse core starts from, unless the caller says otherwise.</summary>
    public const int DefaultCoreEdgesPerVertex = 12;

    /// <summary>Finds a maximum-weight matching.</summary>
    /// <param name="vertexCount">Vertices are numbered 0 to <paramref name="vertexCount"/> − 1; isolated ones are allowed.</param>
    /// <param name="edges">The edges; at most one between two vertices. Edges of weight 0 or less are never needed.</param>
    /// <param name="coreEdgesPerVertex">How many of each vertex's heaviest edges the sparse core starts from (at least 1).
    /// It changes only the time, never the result: edges left out join when the duals show they are needed.</param>
    /// <param name="cancellationToken">Checked once per augmenting stage (O(n²) work each), so a caller that went away stops the matching.</param>
    /// <returns>For each vertex, the vertex it is matched to, or −1 when it stays single.</returns>
    /// <exception cref="ArgumentException">An edge is a loop, repeated, out of range, or too heavy.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static int[] Solve(int vertexCount, IReadOnlyList<WeightedEdge> edges, int coreEdgesPerVertex = DefaultCoreEdgesPerVertex, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(coreEdgesPerVertex);
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        ArgumentNullException.ThrowIfNull(edges);
        Check(vertexCount, edges);
        var positive = edges.Where(e => e.Weight > 0).ToArray();
        if (positive.Length == 0)
        {
            return Enumerable.Repeat(-1, vertexCount).ToArray();
        }

        if (positive.Length <= (long)coreEdgesPerVertex * vertexCount)
        {
            return new BlossomSolver(vertexCount, positive).Run(cancellationToken);
        }

        var inCore = CoreOf(vertexCount, positive, coreEdgesPerVertex);
        while (true)
        {
            var core = positive.Where((_, k) => inCore[k]).ToArray();
            var solver = new BlossomSolver(vertexCount, core);
            var mate = solver.Run(cancellationToken);
            // Price every edge left out; the most violated ones (a few per vertex) join the core.
            var violations = new List<(long Slack, int Edge)>();
            for (var k = 0; k < positive.Length; k++)
            {
                if (!inCore[k] && solver.DoubledSlack(positive[k].A, positive[k].B, positive[k].Weight) is var slack and < 0)
                {
                    violations.Add((slack, k));
                }
            }

            if (violations.Count == 0)
            {
                return mate;   // the core's duals cover every edge: its matching is optimal for the whole graph
            }

            violations.Sort();
            var added = new int[vertexCount];
            foreach (var (_, k) in violations)
            {
                var (a, b, _) = positive[k];
                if (added[a] < coreEdgesPerVertex || added[b] < coreEdgesPerVertex)
                {
                    inCore[k] = true;
                    added[a]++;
                    added[b]++;
                }
            }
        }
    }

    // Every edge joins two different vertices in range, weighs at most MaxWeight, and is the only one between its ends.
    private static void Check(int vertexCount, IReadOnlyList<WeightedEdge> edges)
    {
        var pairs = new long[edges.Count];   // (smaller end, larger end), sorted to find repeats
        for (var k = 0; k < edges.Count; k++)
        {
            var (a, b, w) = edges[k];
            if (a < 0 || b < 0 || a >= vertexCount || b >= vertexCount || a == b)
            {
                throw new ArgumentException($"Edge {k} ({a}, {b}) must join two different vertices of 0..{vertexCount - 1}.", nameof(edges));
            }

            if (w > MaxWeight || w < -MaxWeight)
            {
                throw new ArgumentException($"Edge {k} weighs {w}; the limit is ±{MaxWeight}.", nameof(edges));
            }

            pairs[k] = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
        }

        Array.Sort(pairs);
        for (var k = 1; k < pairs.Length; k++)
        {
            if (pairs[k] == pairs[k - 1])
            {
                throw new ArgumentException($"Two edges join the vertices {pairs[k] >> 32} and {(int)pairs[k]}; at most one may.", nameof(edges));
            }
        }
    }

    // Marks each vertex's heaviest edges (ties by position), the union over all vertices.
    private static bool[] CoreOf(int vertexCount, WeightedEdge[] edges, int perVertex)
    {
        var incident = new List<int>[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            incident[v] = [];
        }

        for (var k = 0; k < edges.Length; k++)
        {
            incident[edges[k].A].Add(k);
            incident[edges[k].B].Add(k);
        }

        var inCore = new bool[edges.Length];
        foreach (var list in incident)
        {
            foreach (var k in list.OrderByDescending(k => edges[k].Weight).ThenBy(k => k).Take(perVertex))
            {
                inCore[k] = true;
            }
        }

        return inCore;
    }

    /// <summary>The total weight of a matching as <see cref="Solve"/> returns it.</summary>
    public static long WeightOf(int[] mate, IReadOnlyList<WeightedEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(mate);
        ArgumentNullException.ThrowIfNull(edges);
        long total = 0;
        foreach (var (a, b, w) in edges)
        {
            if (mate[a] == b)
            {
                total += w;
            }
        }

        return total;
    }
}
