namespace Network.Benchmarking.Matching;

/// <summary>A city that does better than the asking city on a KPI or category: someone to learn from.</summary>
/// <param name="CityId">The peer.</param>
/// <param name="Context">Its country and, when known, population.</param>
/// <param name="SameCountry">Whether it is in the asking city's country.</param>
/// <param name="PopulationRatio">Its population divided by the asking city's; <see langword="null"/> unless both are known.</param>
/// <param name="Standing">Its mean KPI standing over the compared KPIs, 0–100.</param>
/// <param name="CityStanding">The asking city's mean KPI standing over the same KPIs.</param>
/// <param name="Gap">How much better, in percentile points: <see cref="Standing"/> − <see cref="CityStanding"/>, positive.</param>
/// <param name="Kpis">The compared KPIs: those of the KPI or category that both cities have a standing on.</param>
public sealed record BetterPeer(
    string CityId,
    CityContext Context,
    bool SameCountry,
    double? PopulationRatio,
    double Standing,
    double CityStanding,
    double Gap,
    IReadOnlyList<PeerKpi> Kpis)
{
    /// <summary>The peer in one line, e.g. "SE-0180 (SE, 984,748 inhabitants) stands at 91 against 35 (+56 percentile points) on 1 KPI."</summary>
    public string Summary => MatchWords.ForBetterPeer(this);
}
