using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Matching;

/// <summary>One picked KPI's share of a <see cref="SimilarCity"/> distance.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Weight">The caller's weight for it.</param>
/// <param name="CityStanding">The asking city's KPI standing, 0–100.</param>
/// <param name="OtherStanding">The other city's KPI standing, 0–100.</param>
/// <param name="Contribution">Weight × |difference| / (sum of the weights of the shared picked KPIs): the terms add up to the distance.</param>
public sealed record SimilarityTerm(Kpi Kpi, double Weight, double CityStanding, double OtherStanding, double Contribution);
