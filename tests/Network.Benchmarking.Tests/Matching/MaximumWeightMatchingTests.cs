using Network.Benchmarking.Matching;

namespace Network.Benchmarking.Tests.Matching;

public sealed class MaximumWeightMatchingTests
{
    [Fact]
    public void Matches_nothing_in_a_graph_without_edges()
    {
        Assert.Equal([-1, -1, -1], MaximumWeightMatching.Solve(3, [], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(MaximumWeightMatching.Solve(0, [], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Gives_up_the_heaviest_edge_when_two_lighter_ones_weigh_more()
    {
        // A path 0–1–2–3 weighing 5, 8, 5: greedy takes 1–2 (8); the optimum is 0–1 and 2–3 (10).
        var mate = MaximumWeightMatching.Solve(4, [new(0, 1, 5), new(1, 2, 8), new(2, 3, 5)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([1, 0, 3, 2], mate);
    }

    [Fact]
    public void Finds_the_optimum_through_an_odd_cycle()
    {
        // Triangle 1–2–3 with a tail 3–4 (van Rantwijk's S-blossom case): the heaviest edge 2–3 (10) must go; the
        // optimum is 1–2 (8) + 3–4 (7) = 15, found only by shrinking the triangle into a blossom.
        var mate = MaximumWeightMatching.Solve(5, [new(1, 2, 8), new(1, 3, 9), new(2, 3, 10), new(3, 4, 7)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([-1, 2, 1, 4, 3], mate);
    }

    [Fact]
    public void Finds_the_optimum_around_a_five_cycle_with_pendant_vertices()
    {
        // A 5-cycle 0–1–2–3–4 of weight 10 and a pendant 5 on vertex 0 (weight 6): a matching takes two cycle edges
        // and, at best, the pendant: 1–2, 3–4 and 0–5 = 26.
        WeightedEdge[] edges = [new(0, 1, 10), new(1, 2, 10), new(2, 3, 10), new(3, 4, 10), new(4, 0, 10), new(0, 5, 6)];

        var mate = MaximumWeightMatching.Solve(6, edges, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(26, MaximumWeightMatching.WeightOf(mate, edges));
        Assert.Equal(5, mate[0]);
    }

    // Van Rantwijk's published test cases for mwmatching (nested, relabelled and expanded blossoms).
    public static TheoryData<int[][], int[]> PublishedCases => new()
    {
        { [[1, 2, 10], [2, 3, 11]], [-1, -1, 3, 2] },
        { [[1, 2, 5], [2, 3, 11], [3, 4, 5]], [-1, -1, 3, 2, -1] },
        { [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7], [1, 6, 5], [4, 5, 6]], [-1, 6, 3, 2, 5, 4, 1] },
        { [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]], [-1, 6, 3, 2, 5, 4, 1] },
        { [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [1, 6, 4]], [-1, 6, 3, 2, 5, 4, 1] },
        { [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [3, 6, 4]], [-1, 2, 1, 6, 5, 4, 3] },
        { [[1, 2, 9], [1, 3, 9], [2, 3, 10], [2, 4, 8], [3, 5, 8], [4, 5, 10], [5, 6, 6]], [-1, 3, 4, 1, 2, 6, 5] },
        { [[1, 2, 10], [1, 7, 10], [2, 3, 12], [3, 4, 20], [3, 5, 20], [4, 5, 25], [5, 6, 10], [6, 7, 10], [7, 8, 8]], [-1, 2, 1, 4, 3, 6, 5, 8, 7] },
        { [[1, 2, 8], [1, 3, 8], [2, 3, 10], [2, 4, 12], [3, 5, 12], [4, 5, 14], [4, 6, 12], [5, 7, 12], [6, 7, 14], [7, 8, 12]], [-1, 2, 1, 5, 6, 3, 4, 8, 7] },
        { [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]], [-1, 6, 3, 2, 8, 7, 1, 5, 4] },
        { [[1, 2, 19], [1, 3, 20], [1, 8, 8], [2, 3, 25], [2, 4, 18], [3, 5, 18], [4, 5, 13], [4, 7, 7], [5, 6, 7]], [-1, 8, 3, 2, 7, 6, 5, 4, 1] },
        { [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 35], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        { [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 26], [5, 7, 40], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        { [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 28], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        { [[1, 2, 45], [1, 7, 45], [2, 3, 50], [3, 4, 45], [4, 5, 95], [4, 6, 94], [5, 6, 94], [6, 7, 50], [1, 8, 30], [3, 11, 35], [5, 9, 36], [7, 10, 26], [11, 12, 5]], [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11] },
        { [[1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15], [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30]], [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8] },
    };

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void Solves_the_published_blossom_cases(int[][] edges, int[] expected)
    {
        var mate = MaximumWeightMatching.Solve(expected.Length, edges.Select(e => new WeightedEdge(e[0], e[1], e[2])).ToArray(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected, mate);
    }

    [Fact]
    public void Matches_brute_force_on_200_random_graphs()
    {
        var random = new Random(20240607);
        for (var graph = 0; graph < 200; graph++)
        {
            var n = random.Next(2, 11);
            var density = random.NextDouble();
            var heavy = graph % 4 == 0;   // every fourth graph with weights near the integer limit of peer pairing
            var edges = new List<WeightedEdge>();
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (random.NextDouble() < density)
                    {
                        // Small weights make many ties (and zero-weight edges); large ones look like scaled benefits.
                        edges.Add(new WeightedEdge(a, b, heavy ? random.NextInt64(0, 100_000_000) : random.Next(0, 12)));
                    }
                }
            }

            var mate = MaximumWeightMatching.Solve(n, edges, cancellationToken: TestContext.Current.CancellationToken);
            var best = BruteForce(n, edges);

            // The sparse core with one or two edges per vertex: most edges join only through pricing, same optimum.
            Assert.Equal(best, MaximumWeightMatching.WeightOf(MaximumWeightMatching.Solve(n, edges, coreEdgesPerVertex: 1, cancellationToken: TestContext.Current.CancellationToken), edges));
            Assert.Equal(best, MaximumWeightMatching.WeightOf(MaximumWeightMatching.Solve(n, edges, coreEdgesPerVertex: 2, cancellationToken: TestContext.Current.CancellationToken), edges));
            for (var v = 0; v < n; v++)
            {
                Assert.True(mate[v] == -1 || (mate[mate[v]] == v && edges.Any(e => (e.A == v && e.B == mate[v]) || (e.B == v && e.A == mate[v]))));
            }

            Assert.Equal(best, MaximumWeightMatching.WeightOf(mate, edges));
        }
    }

    [Fact]
    public void Gives_the_same_optimum_from_a_sparse_core_as_from_the_whole_dense_graph()
    {
        // Complete graphs of 60 and 61 vertices: solved whole (core as large as the graph), and from cores of 1, 3 and
        // 12 edges per vertex that grow by pricing. Brute force is out of reach here; the whole-graph solve is the
        // reference, itself checked against brute force above.
        var random = new Random(77);
        foreach (var n in new[] { 60, 61 })
        {
            var edges = new List<WeightedEdge>();
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    edges.Add(new WeightedEdge(a, b, random.NextInt64(0, 5_000_000)));
                }
            }

            var whole = MaximumWeightMatching.WeightOf(MaximumWeightMatching.Solve(n, edges, coreEdgesPerVertex: n, cancellationToken: TestContext.Current.CancellationToken), edges);
            foreach (var core in new[] { 1, 3, 12 })
            {
                Assert.Equal(whole, MaximumWeightMatching.WeightOf(MaximumWeightMatching.Solve(n, edges, core, cancellationToken: TestContext.Current.CancellationToken), edges));
            }
        }
    }

    [Fact]
    public void Refuses_malformed_graphs()
    {
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(2, [new(0, 0, 1)], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(2, [new(0, 2, 1)], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(2, [new(0, 1, 1), new(1, 0, 2)], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(2, [new(0, 1, MaximumWeightMatching.MaxWeight + 1)], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumWeightMatching.Solve(2, [new(0, 1, 1)], coreEdgesPerVertex: 0, cancellationToken: TestContext.Current.CancellationToken));
    }

    // Every matching: the first free vertex stays single or takes one of its free neighbours.
    internal static long BruteForce(int n, IReadOnlyList<WeightedEdge> edges)
    {
        var weight = new long?[n, n];
        foreach (var (a, b, w) in edges)
        {
            weight[a, b] = weight[b, a] = w;
        }

        long Best(int used)
        {
            var v = 0;
            while (v < n && (used & (1 << v)) != 0)
            {
                v++;
            }

            if (v == n)
            {
                return 0;
            }

            var best = Best(used | (1 << v));
            for (var u = v + 1; u < n; u++)
            {
                if ((used & (1 << u)) == 0 && weight[v, u] is { } w)
                {
                    best = Math.Max(best, w + Best(used | (1 << v) | (1 << u)));
                }
            }

            return best;
        }

        return Best(0);
    }
}
