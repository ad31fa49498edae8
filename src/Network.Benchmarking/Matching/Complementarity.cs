using System.Numerics;
using System.Runtime.InteropServices;
using Network.Benchmarking.Scoring;

namespace Network.Benchmarking.Matching;

/// <summary>
/// The arithmetic of complementary matching, in one place so that every door (one city's partners, one pair, the
/// network pairing) gives the same number for the same pair:
/// <list type="bullet">
/// <item>on every KPI both cities have a standing on, gap = partner's standing − city's standing (percentile points);</item>
/// <item>a gap counts when it exceeds <see cref="MatchRules.MinimumGap"/>: positive, the partner teaches; negative,
/// it learns;</item>
/// <item>contribution = weight × |gap| / 100, weight = city's quality weight × partner's;</item>
/// <item>teaches and learns are the sums of the contributions in catalogue order; mutual = 2·T·L / (T + L).</item>
/// </list>
/// Swapping the two cities negates every gap exactly and multiplies the same weights, so teaches and learns swap
/// bit for bit and the mutual benefit is the same number from both sides.
/// </summary>
internal static class Complementarity
{
    /// <summary>The harmonic mean of both directions; 0 unless both are positive.</summary>
    public static double Mutual(double teaches, double learns) =>
        teaches > 0 && learns > 0 ? 2 * (teaches * learns) / (teaches + learns) : 0;

    /// <summary>
    /// The exact totals for one pair, without building an explanation: the same terms in the same order as
    /// <see cref="Explain"/>, so the same numbers. A missing standing is <c>NaN</c>, which makes the gap <c>NaN</c>
    /// and both comparisons false: a missing KPI adds nothing, without a branch.
    /// </summary>
    public static (double Teaches, double Learns) Score(CityStandings city, CityStandings partner, double minimumGap)
    {
        double teaches = 0, learns = 0;
        var own = city.Standing;
        var theirs = partner.Standing.AsSpan(0, own.Length);
        var ownWeight = city.Weight.AsSpan(0, own.Length);
        var theirWeight = partner.Weight.AsSpan(0, own.Length);
        for (var k = 0; k < own.Length; k++)
        {
            var gap = theirs[k] - own[k];
            var weight = ownWeight[k] * theirWeight[k];
            teaches += gap > minimumGap ? Contribution(weight, gap) : 0;   // adding 0 leaves the sum exactly as it was
            learns += -gap > minimumGap ? Contribution(weight, -gap) : 0;
        }

        return (teaches, learns);
    }

    /// <summary>
    /// The cities that may be among a city's best partners, found by one pass over all cities in the index's
    /// single-precision copy. The pass computes an upper bound of each city's mutual benefit (gaps within
    /// <see cref="GapTolerance"/> of the threshold counted, <see cref="SumTolerance"/> added to each total, both far
    /// above single-precision rounding), keeps the <paramref name="keep"/> highest bounds, and reports the lowest bound kept:
    /// a city left out cannot score above it. The caller re-scores the kept cities exactly; when its last wanted exact
    /// score exceeds that lowest bound, the exact top is among them. Only bounds of at least <paramref name="atLeast"/>
    /// are kept.
    /// </summary>
    public static (int[] Kept, double LowestKeptBound, bool All) Candidates(
        MatchingIndex index, int city, int keep, PeerFilter? filter, MatchRules rules, double atLeast = double.NegativeInfinity)
    {
        var perRow = index.Stride / Vector<float>.Count;
        var standings = MemoryMarshal.Cast<float, Vector<float>>(index.FastStanding);
        var weights = MemoryMarshal.Cast<float, Vector<float>>(index.FastWeight);
        var ownStanding = standings.Slice(city * perRow, perRow);
        var ownWeight = weights.Slice(city * perRow, perRow);
        // Gaps within the tolerance below the threshold count too, but never a negative gap: one that small adds less
        // than the sum tolerance allows for, and leaving it out spares the loop clamping terms at 0.
        var gap = new Vector<float>((float)Math.Max(rules.MinimumGap - GapTolerance, 0));
        var top = new TopK(keep);
        var filtered = filter is { AdmitsAll: false };
        var reported = index.Reported;
        var words = index.Words;
        var ownReported = reported.Slice(city * words, words);
        var everyOneKept = true;
        for (var peer = 0; peer < index.CityCount; peer++)
        {
            if (peer == city || (filtered && !filter!.Admits(index, city, peer)))
            {
                continue;
            }

            var overlap = 0;
            var theirReported = reported.Slice(peer * words, words);
            for (var w = 0; w < words; w++)
            {
                overlap += BitOperations.PopCount(ownReported[w] & theirReported[w]);
            }

            if (overlap < rules.MinimumOverlap)
            {
                continue;
            }

            var (teaches, learns) = ScanRow(ownStanding, ownWeight, standings.Slice(peer * perRow, perRow), weights.Slice(peer * perRow, perRow), gap);
            var t = (teaches / 100) + SumTolerance;
            var l = (learns / 100) + SumTolerance;
            if (2 * t * l < atLeast * (t + l))
            {
                continue;   // the bound 2tl / (t + l) is below what the caller asks for (compared without dividing)
            }

            if (top.Count == keep)
            {
                everyOneKept = false;
                if (2 * t * l < top.LowestScore * (t + l) * (1 - 1e-12))
                {
                    continue;   // clearly below every bound kept; near-ties go to the heap, which decides them exactly
                }
            }

            top.Offer(Mutual(t, l), peer);
        }

        return (top.Best(), top.Count == 0 ? double.PositiveInfinity : top.LowestScore, everyOneKept);
    }

    /// <summary>Percentile points by which a single-precision gap may differ from the exact one, generously (each
    /// standing is within 100 × 2⁻²⁴ of its double).</summary>
    internal const double GapTolerance = 1e-3;

    /// <summary>How far a single-precision total may fall below the exact one, generously: the rounding of at most 128
    /// terms of at most 1 each, their products and their sum stays below 10⁻³.</summary>
    internal const double SumTolerance = 2e-3;

    /// <summary>The pair with its explanation; <see langword="null"/> when the overlap is below the minimum.</summary>
    public static ComplementaryMatch? Explain(MatchingIndex index, CityStandings city, CityStandings partner, MatchRules rules)
    {
        var contributions = new List<MatchContribution>();
        var overlap = 0;
        for (var k = 0; k < index.Columns.Length; k++)
        {
            var own = city.Standing[k];
            var theirs = partner.Standing[k];
            if (double.IsNaN(own) || double.IsNaN(theirs))
            {
                continue;
            }

            overlap++;
            var gap = theirs - own;
            var direction = gap > rules.MinimumGap ? LearningDirection.PartnerTeaches
                : -gap > rules.MinimumGap ? LearningDirection.PartnerLearns
                : (LearningDirection?)null;
            if (direction is { } d)
            {
                var weight = city.Weight[k] * partner.Weight[k];
                var size = d == LearningDirection.PartnerTeaches ? gap : -gap;
                contributions.Add(new MatchContribution(
                    index.Columns[k].Kpi,
                    d,
                    SideOf(index, k, city),
                    SideOf(index, k, partner),
                    size,
                    weight,
                    Contribution(weight, size)));
            }
        }

        if (overlap < rules.MinimumOverlap)
        {
            return null;
        }

        // Summed in the same order as Score, so the totals are the same numbers, and exactly the sums of the parts.
        double teaches = 0, learns = 0;
        foreach (var c in contributions)
        {
            if (c.Direction == LearningDirection.PartnerTeaches) { teaches += c.Contribution; } else { learns += c.Contribution; }
        }

        return new ComplementaryMatch(
            index.CityIdAt(city.City), index.CityIdAt(partner.City), teaches, learns, Mutual(teaches, learns), overlap, contributions);
    }

    /// <summary>One city's side of a KPI: its standing, weight and the values (with percentile) behind them.</summary>
    public static MatchSide SideOf(MatchingIndex index, int column, CityStandings row) =>
        new(index.CityIdAt(row.City), row.Standing[column], row.Weight[column], ValuesOf(index, column, row.City));

    /// <summary>The city's values behind its standing on a KPI, each with its standing, weight and points.</summary>
    public static PeerValue[] ValuesOf(MatchingIndex index, int column, int city)
    {
        var plan = index.Columns[column];
        var count = 0;
        foreach (var series in plan.Series)
        {
            count += MatchColumn.HasPercentile(series, city) ? 1 : 0;
        }

        var values = new PeerValue[count];
        for (int i = 0, n = 0; i < plan.Series.Length; i++)
        {
            var series = plan.Series[i];
            if (!MatchColumn.HasPercentile(series, city))
            {
                continue;
            }

            var value = series.Values[city];
            var quality = series.QualityAt(city);
            var verified = series.VerifiedAt(city);
            Band? band = plan.Targets[i] is { } target ? Bands.Of(target.PercentReached(value)) : null;
            values[n++] = new PeerValue(
                series.Key, value, quality, verified, QualityWeights.Of(quality, verified),
                series.Distribution.StandingAt(city), band is { } b ? Bands.PointsOf(b) : null, band);
        }

        return values;
    }

    private static double Contribution(double weight, double gap) => weight * gap / 100;

    // The hot loop: one partner row against the city's row, a whole SIMD vector of KPIs at a time. Missing KPIs and
    // padding have weight 0, so they add 0 without a branch. The threshold is never below 0, so a counted term is never
    // negative. Two accumulators per total keep the additions' dependency chains short: the loop is bound by arithmetic.
    private static (double Teaches, double Learns) ScanRow(
        ReadOnlySpan<Vector<float>> ownStanding,
        ReadOnlySpan<Vector<float>> ownWeight,
        ReadOnlySpan<Vector<float>> standing,
        ReadOnlySpan<Vector<float>> weight,
        Vector<float> minimumGap)
    {
        Vector<float> teachesEven = default, teachesOdd = default, learnsEven = default, learnsOdd = default;
        var negativeGap = -minimumGap;
        var i = 0;
        for (; i + 1 < standing.Length; i += 2)
        {
            var gapEven = standing[i] - ownStanding[i];
            var gapOdd = standing[i + 1] - ownStanding[i + 1];
            var even = gapEven * (weight[i] * ownWeight[i]);
            var odd = gapOdd * (weight[i + 1] * ownWeight[i + 1]);
            teachesEven += Vector.ConditionalSelect(Vector.GreaterThan(gapEven, minimumGap), even, Vector<float>.Zero);
            teachesOdd += Vector.ConditionalSelect(Vector.GreaterThan(gapOdd, minimumGap), odd, Vector<float>.Zero);
            learnsEven += Vector.ConditionalSelect(Vector.LessThan(gapEven, negativeGap), even, Vector<float>.Zero);
            learnsOdd += Vector.ConditionalSelect(Vector.LessThan(gapOdd, negativeGap), odd, Vector<float>.Zero);
        }

        for (; i < standing.Length; i++)
        {
            var gap = standing[i] - ownStanding[i];
            var weighted = gap * (weight[i] * ownWeight[i]);
            teachesEven += Vector.ConditionalSelect(Vector.GreaterThan(gap, minimumGap), weighted, Vector<float>.Zero);
            learnsEven += Vector.ConditionalSelect(Vector.LessThan(gap, negativeGap), weighted, Vector<float>.Zero);
        }

        return (Vector.Sum(teachesEven + teachesOdd), -Vector.Sum(learnsEven + learnsOdd));
    }
}
