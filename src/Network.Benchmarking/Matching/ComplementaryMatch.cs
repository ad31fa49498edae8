namespace Network.Benchmarking.Matching;

/// <summary>
/// A learning partner for a city: what the partner can teach it (<see cref="Teaches"/>), what the partner can learn
/// from it (<see cref="Learns"/>), and their mutual benefit, with every KPI that contributed. Both totals are sums of
/// <see cref="Contributions"/> (in catalogue order), so the explanation adds up to the score exactly.
/// </summary>
/// <param name="CityId">The city that asked.</param>
/// <param name="PartnerId">The partner.</param>
/// <param name="Teaches">What the partner can teach the city: the sum of its <see cref="LearningDirection.PartnerTeaches"/> contributions.</param>
/// <param name="Learns">What the partner can learn from the city: the sum of its <see cref="LearningDirection.PartnerLearns"/> contributions.</param>
/// <param name="Mutual">The harmonic mean 2·T·L / (T + L) of both totals: high only when both directions are worth it;
/// 0 when either is. The same number from either city's side.</param>
/// <param name="SharedKpis">The KPIs both cities have a standing on (the overlap).</param>
/// <param name="Contributions">Every KPI whose gap counted, in catalogue order.</param>
public sealed record ComplementaryMatch(
    string CityId,
    string PartnerId,
    double Teaches,
    double Learns,
    double Mutual,
    int SharedKpis,
    IReadOnlyList<MatchContribution> Contributions)
{
    /// <summary>The match in one line, e.g. "SE-0180 can teach NO-5001 4.1 (12 KPIs, most in Unemployment Rate) and
    /// learn 2.2 (9 KPIs, most in Smart Water Meters): mutual benefit 2.87 over 64 shared KPIs."</summary>
    public string Summary => MatchWords.ForMatch(this);
}
