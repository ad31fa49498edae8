using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>
/// Peer matching over one period: similar cities, complementary learning partners, whom to learn a KPI from, and the
/// coordinator's network view (strengths and gaps, thinly reported KPIs, a pairing of all cities). Create it once per
/// period (the index build is the one costly step); it is immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// <b>The measure.</b> Most KPIs have no target, so "does well" is the network standing, which always exists: a
/// city's KPI standing is its direction-aware percentile among the cities that reported the KPI (100 = best), taken
/// from the period's <see cref="KpiDistribution"/> (the number on its score card); for a KPI with data points, the
/// mean over the data points it reported, and the KPI counts once. KPIs without a direction (compositions) are not
/// matched. A KPI the city did not report has no standing: it is never read as 0, never counted in an overlap, and
/// teaches or learns nothing.
/// </para>
/// <para>
/// <b>Quality.</b> Each value has a weight from its data quality and verification (<see cref="QualityWeights"/>); a
/// city's weight on a KPI is the mean over its data points, and a pair's weight is the product of both cities' weights.
/// </para>
/// </remarks>
public sealed class PeerMatcher
{
    private readonly MatchingIndex _index;

    private PeerMatcher(MatchingIndex index) => _index = index;

    /// <summary>The period matched.</summary>
    public NetworkPeriod Period => _index.Period;

    /// <summary>The target set used for points and bands in explanations (matching itself uses standings only).</summary>
    public TargetSet Targets => _index.Targets;

    /// <summary>The KPIs matching compares: those with a direction, in catalogue order (89 of the 91 U4SSC KPIs).</summary>
    public IReadOnlyList<Kpi> Kpis => Array.ConvertAll(_index.Columns, c => c.Kpi);

    /// <summary>
    /// Builds the matching index of a period: every city's KPI standings and quality weights, once. Cost: the period's
    /// standings (each KPI column sorted once, if not yet) plus one standing look-up per reported value.
    /// </summary>
    /// <param name="period">The period.</param>
    /// <param name="targets">For points and bands in explanations; <see cref="TargetSet.Default"/> when omitted.</param>
    /// <param name="contexts">Country and population per city id, when the caller knows them; any city missing here has
    /// its id's country and an unknown population.</param>
    /// <exception cref="ArgumentException">The target set was checked against another catalogue version than the period.</exception>
    public static PeerMatcher Create(NetworkPeriod period, TargetSet? targets = null, IReadOnlyDictionary<string, CityContext>? contexts = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        targets ??= TargetSet.Default;
        if (!string.Equals(period.Catalogue.Version, targets.CatalogueVersion, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The target set {targets} was checked against catalogue {targets.CatalogueVersion}, the period against {period.Catalogue.Version}.",
                nameof(targets));
        }

        return new PeerMatcher(MatchingIndex.Build(period, targets, contexts));
    }

    /// <summary>The city's context: country and, when given, population.</summary>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    public CityContext ContextOf(string cityId) => _index.ContextAt(_index.CityIndexOf(cityId));

    /// <summary>
    /// The cities most like this one on the KPIs picked, nearest first (ties by city id): weighted mean absolute
    /// difference of KPI standings, over the picked KPIs both cities have (see <see cref="SimilarCity"/>).
    /// </summary>
    /// <param name="cityId">The city.</param>
    /// <param name="kpis">The KPIs to compare on, with weights; each must have a direction.</param>
    /// <param name="limit">How many cities at most.</param>
    /// <param name="filter">Context conditions on the other cities.</param>
    /// <param name="minimumShared">Picked KPIs both must have; default half of them, rounded up.</param>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    /// <exception cref="ArgumentException">A KPI is unknown, has no direction, is repeated or has a weight that is not positive.</exception>
    public IReadOnlyList<SimilarCity> SimilarCities(string cityId, IEnumerable<KpiWeight> kpis, int limit = 10, PeerFilter? filter = null, int? minimumShared = null) =>
        Similarity.Find(_index, cityId, kpis, limit, filter, minimumShared);

    /// <summary>
    /// The city's best learning partners by mutual benefit, best first (ties by city id), each with its explanation.
    /// One vectorised pass over all cities (single precision) bounds every city's benefit from above and keeps the
    /// most promising; they are re-scored exactly, and the bounds prove that no city left out could rank among them
    /// (otherwise a second pass takes every city that might). Only the ones returned are explained.
    /// </summary>
    /// <param name="cityId">The city.</param>
    /// <param name="limit">How many partners at most.</param>
    /// <param name="filter">Context conditions on the partners.</param>
    /// <param name="rules">Minimum overlap and gap; <see cref="MatchRules.Default"/> when omitted.</param>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    public IReadOnlyList<ComplementaryMatch> ComplementaryPartners(string cityId, int limit = 10, PeerFilter? filter = null, MatchRules? rules = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        rules = (rules ?? MatchRules.Default).Checked();
        var city = _index.CityIndexOf(cityId);
        var own = _index.RowOf(city);
        var (kept, lowestBound, all) = Complementarity.Candidates(_index, city, limit + Math.Max(8, limit), filter, rules);
        var best = Rescore(own, kept, limit, rules);
        var kth = best.Count == limit ? best[^1].Mutual : 0;
        if (!all && !(lowestBound < kth))
        {
            // The bounds of the cities left out reach the limit-th exact score: one more pass takes every such city.
            (kept, _, _) = Complementarity.Candidates(_index, city, _index.CityCount, filter, rules, atLeast: kth);
            best = Rescore(own, kept, limit, rules);
        }

        return best.Select(c => Complementarity.Explain(_index, own, c.Row, rules)!).ToArray();
    }

    /// <summary>
    /// One pair, explained, whatever its rank: what the partner can teach the city and learn from it.
    /// <see langword="null"/> when they share fewer KPIs than the minimum overlap.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A city reported nothing for the period.</exception>
    /// <exception cref="ArgumentException">Both ids name the same city.</exception>
    public ComplementaryMatch? Match(string cityId, string partnerId, MatchRules? rules = null)
    {
        rules = (rules ?? MatchRules.Default).Checked();
        var city = _index.CityIndexOf(cityId);
        var partner = _index.CityIndexOf(partnerId);
        return city == partner
            ? throw new ArgumentException($"{cityId} cannot be its own partner.", nameof(partnerId))
            : Complementarity.Explain(_index, _index.RowOf(city), _index.RowOf(partner), rules);
    }

    /// <summary>
    /// The cities that do better than this one on a KPI or a category, closest in context first: same country, then
    /// nearest population (when known), then the larger lead (see <see cref="BetterPeer"/>).
    /// </summary>
    /// <param name="cityId">The city.</param>
    /// <param name="kpiOrCategory">A KPI code (<c>EC-P-EM-1C</c>), a category code (<c>EC-ICT-WS</c>) or a category name
    /// (<c>Water and Sanitation</c>, every node of that name).</param>
    /// <param name="limit">How many cities at most.</param>
    /// <param name="filter">Context conditions on the other cities.</param>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    /// <exception cref="ArgumentException">No such KPI or category, or only KPIs without a direction.</exception>
    public IReadOnlyList<BetterPeer> LearnFrom(string cityId, string kpiOrCategory, int limit = 10, PeerFilter? filter = null) =>
        LearnFromWhom.Find(_index, cityId, kpiOrCategory, limit, filter);

    /// <summary>The city's strengths and gaps per category node, in catalogue order (see <see cref="CategoryStanding"/>).</summary>
    /// <param name="cityId">The city.</param>
    /// <param name="strengthAtLeast">A mean standing at or above this is a strength.</param>
    /// <param name="gapAtMost">A mean standing at or below this is a gap.</param>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    public IReadOnlyList<CategoryStanding> StrengthsAndGaps(string cityId, double strengthAtLeast = 70, double gapAtMost = 30)
    {
        CheckThresholds(strengthAtLeast, gapAtMost);
        return NetworkView.StrengthsAndGaps(_index, _index.CityIndexOf(cityId), strengthAtLeast, gapAtMost);
    }

    /// <summary>Every city's strengths and gaps per category node: cities in id order, categories in catalogue order.</summary>
    /// <param name="strengthAtLeast">A mean standing at or above this is a strength.</param>
    /// <param name="gapAtMost">A mean standing at or below this is a gap.</param>
    public IEnumerable<CategoryStanding> NetworkStrengthsAndGaps(double strengthAtLeast = 70, double gapAtMost = 30)
    {
        CheckThresholds(strengthAtLeast, gapAtMost);
        return Enumerable.Range(0, _index.CityCount).SelectMany(city => NetworkView.StrengthsAndGaps(_index, city, strengthAtLeast, gapAtMost));
    }

    /// <summary>The KPIs (data points) fewer than <paramref name="minimumCities"/> cities reported, fewest first.</summary>
    /// <param name="minimumCities">The reporting count below which a KPI is thin; at least 1.</param>
    public IReadOnlyList<ThinKpi> ThinlyReported(int minimumCities = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumCities);
        return NetworkView.ThinlyReported(Period, minimumCities);
    }

    /// <summary>
    /// Pairs the cities as learning partners maximising the total mutual benefit (exact maximum-weight matching).
    /// Cost grows as n²·K for the pair scores and up to n³ for the matching: about a second for 1,000 cities; pass a group
    /// (a country, a cohort) for larger networks.
    /// </summary>
    /// <param name="cityIds">The cities to pair; every city of the period when omitted.</param>
    /// <param name="rules">Minimum overlap and gap; <see cref="MatchRules.Default"/> when omitted.</param>
    /// <param name="cancellationToken">Checked while the pairs are scored and at each stage of the matching: a caller that
    /// went away (a closed connection, a time-out) stops the work instead of leaving it to run to the end.</param>
    /// <exception cref="KeyNotFoundException">A city reported nothing for the period.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Pairing PairAll(IEnumerable<string>? cityIds = null, MatchRules? rules = null, CancellationToken cancellationToken = default) =>
        NetworkPairing.Pair(_index, cityIds, (rules ?? MatchRules.Default).Checked(), cancellationToken);

    // Exact scores of the candidates: the best with a positive mutual benefit, best first, ties by city id.
    private List<(CityStandings Row, double Mutual)> Rescore(CityStandings own, int[] candidates, int limit, MatchRules rules) =>
        candidates
            .Select(peer =>
            {
                var row = _index.RowOf(peer);
                var (teaches, learns) = Complementarity.Score(own, row, rules.MinimumGap);
                return (Row: row, Mutual: Complementarity.Mutual(teaches, learns));
            })
            .Where(c => c.Mutual > 0)
            .OrderByDescending(c => c.Mutual)
            .ThenBy(c => c.Row.City)
            .Take(limit)
            .ToList();

    private static void CheckThresholds(double strengthAtLeast, double gapAtMost)
    {
        if (!(gapAtMost >= 0 && gapAtMost < strengthAtLeast && strengthAtLeast <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(strengthAtLeast), $"Need 0 ≤ gap threshold ({gapAtMost}) < strength threshold ({strengthAtLeast}) ≤ 100.");
        }
    }
}
