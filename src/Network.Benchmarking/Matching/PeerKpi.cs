using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>One KPI of a <see cref="BetterPeer"/>: both standings, and the peer's values.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Standing">The peer's KPI standing, 0–100.</param>
/// <param name="CityStanding">The asking city's KPI standing, 0–100.</param>
/// <param name="Values">The peer's values behind its standing, with quality, verification, standing and points.</param>
public sealed record PeerKpi(Kpi Kpi, double Standing, double CityStanding, IReadOnlyList<PeerValue> Values);
