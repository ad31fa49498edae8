using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>
/// One KPI's share of a <see cref="ComplementaryMatch"/>: who stands higher, by how much, how much the values are
/// trusted, and what that adds. <see cref="Contribution"/> = <see cref="Gap"/> / 100 × <see cref="Weight"/>.
/// </summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Direction">Whether the partner teaches (stands higher) or learns.</param>
/// <param name="City">The asking city's side.</param>
/// <param name="Partner">The partner's side.</param>
/// <param name="Gap">The standing gap in percentile points, positive: the higher standing minus the lower.</param>
/// <param name="Weight">The city's weight × the partner's weight: a gap is only as trustworthy as both ends.</param>
/// <param name="Contribution">What this KPI adds to the teaching or learning total.</param>
public sealed record MatchContribution(
    Kpi Kpi,
    LearningDirection Direction,
    MatchSide City,
    MatchSide Partner,
    double Gap,
    double Weight,
    double Contribution)
{
    /// <summary>Whether lower data quality or missing verification made this KPI count less than its gap.</summary>
    public bool Discounted => Weight < 1;

    /// <summary>The KPI's share in words: standings, values with quality, weight and contribution.</summary>
    public string Explanation => MatchWords.ForContribution(this);
}
