using System.Numerics;
using System.Runtime.InteropServices;

namespace Network.Benchmarking.Matching;

/// <summary>
/// Pairs the cities of a group as learning partners, maximising the total mutual benefit. Every pair with at least
/// the minimum overlap and a positive mutual benefit is an edge weighted by that benefit; an exact maximum-weight
/// matching (Edmonds' blossom algorithm) then chooses the pairs, so a pairing no greedy order would find (giving up
/// the single best pair to make two good ones) is found.
/// </summary>
/// <remarks>
/// Cost for n cities and K KPIs: O(n²·K) to score the pairs (vectorised, in double precision) and the matching
/// (O(n³) at worst; see <see cref="MaximumWeightMatching"/> for how dense graphs are cut down). Weights are rounded to
/// 10⁻⁶ for the integer algorithm, so the result is optimal for the rounded weights and at most n/2 × 0.5·10⁻⁶ below
/// the optimum of the unrounded ones; the reported benefits are the unrounded ones, exactly as
/// <see cref="PeerMatcher.Match"/> reports them.
/// </remarks>
internal static class NetworkPairing
{
    /// <summary>Mutual benefit units per weight unit of the integer matching.</summary>
    public const double Scale = 1e6;

    public static Pairing Pair(MatchingIndex index, IEnumerable<string>? cityIds, MatchRules rules, CancellationToken cancellationToken)
    {
        var cities = cityIds is null
            ? Enumerable.Range(0, index.CityCount).ToArray()
            : cityIds.Select(index.CityIndexOf).Distinct().Order().ToArray();
        var rows = Array.ConvertAll(cities, index.RowOf);
        var edges = Edges(index, cities, rows, rules, cancellationToken);
        var mate = MaximumWeightMatching.Solve(cities.Length, edges, cancellationToken: cancellationToken);
        var pairs = new List<ComplementaryMatch>();
        var unpaired = new List<string>();
        double total = 0;
        for (var i = 0; i < cities.Length; i++)
        {
            if (mate[i] == -1)
            {
                unpaired.Add(index.CityIdAt(cities[i]));
            }
            else if (mate[i] > i)
            {
                var match = Complementarity.Explain(index, rows[i], rows[mate[i]], rules)!;
                pairs.Add(match);
                total += match.Mutual;
            }
        }

        return new Pairing(pairs, unpaired, total, edges.Count);
    }

    /// <summary>
    /// Every pair's mutual benefit, a SIMD vector of KPIs at a time: the terms of <see cref="Complementarity.Score"/>
    /// (a missing standing is <c>NaN</c>, so its gap fails both comparisons), summed lane by lane. Only the order of
    /// the additions differs from the one-pair scorer, which moves a total by a rounding error, far below the 10⁻⁶
    /// the weights are rounded to.
    /// </summary>
    private static List<WeightedEdge> Edges(MatchingIndex index, int[] cities, CityStandings[] rows, MatchRules rules, CancellationToken cancellationToken)
    {
        var lanes = Vector<double>.Count;
        var stride = (index.Columns.Length + lanes - 1) / lanes * lanes;
        var standing = new double[cities.Length * stride];
        var weight = new double[cities.Length * stride];
        Array.Fill(standing, double.NaN);
        for (var i = 0; i < cities.Length; i++)
        {
            rows[i].Standing.CopyTo(standing, i * stride);
            rows[i].Weight.CopyTo(weight, i * stride);
        }

        var standings = MemoryMarshal.Cast<double, Vector<double>>(standing);
        var weights = MemoryMarshal.Cast<double, Vector<double>>(weight);
        var perRow = stride / lanes;
        var minimumGap = new Vector<double>(rules.MinimumGap);
        var hundred = new Vector<double>(100);
        var edges = new List<WeightedEdge>();
        for (var i = 0; i < cities.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested(); // once per city: n·K work between checks
            var ownStanding = standings.Slice(i * perRow, perRow);
            var ownWeight = weights.Slice(i * perRow, perRow);
            for (var j = i + 1; j < cities.Length; j++)
            {
                if (index.Overlap(cities[i], cities[j]) < rules.MinimumOverlap)
                {
                    continue;
                }

                var theirStanding = standings.Slice(j * perRow, perRow);
                var theirWeight = weights.Slice(j * perRow, perRow);
                var teaches = Vector<double>.Zero;
                var learns = Vector<double>.Zero;
                for (var v = 0; v < perRow; v++)
                {
                    var gap = theirStanding[v] - ownStanding[v];
                    var term = ownWeight[v] * theirWeight[v] * gap / hundred;
                    teaches += Vector.ConditionalSelect(Vector.GreaterThan(gap, minimumGap), term, Vector<double>.Zero);
                    learns -= Vector.ConditionalSelect(Vector.LessThan(gap, -minimumGap), term, Vector<double>.Zero);
                }

                var rounded = (long)Math.Round(Complementarity.Mutual(Vector.Sum(teaches), Vector.Sum(learns)) * Scale);
                if (rounded > 0)
                {
                    edges.Add(new WeightedEdge(i, j, rounded));
                }
            }
        }

        return edges;
    }
}
