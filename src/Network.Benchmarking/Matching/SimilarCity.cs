namespace Network.Benchmarking.Matching;

/// <summary>A city that stands where the asking city stands on the picked KPIs.</summary>
/// <param name="CityId">The similar city.</param>
/// <param name="Context">Its country and, when known, population.</param>
/// <param name="Distance">The weighted mean absolute difference of KPI standings over the picked KPIs both have, in
/// percentile points: 0 = the same standing on every shared KPI, 100 = opposite ends on all.</param>
/// <param name="SharedKpis">How many of the picked KPIs both cities have a standing on.</param>
/// <param name="Terms">Each shared picked KPI's contribution; they add up to <see cref="Distance"/>.</param>
/// <param name="NotShared">The picked KPIs left out because one of the two cities has no standing on them.</param>
public sealed record SimilarCity(
    string CityId,
    CityContext Context,
    double Distance,
    int SharedKpis,
    IReadOnlyList<SimilarityTerm> Terms,
    IReadOnlyList<string> NotShared);
