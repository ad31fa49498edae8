namespace Network.Benchmarking.Matching;

/// <summary>A city's strength or gap in one category node of the catalogue.</summary>
/// <param name="CityId">The city.</param>
/// <param name="CategoryCode">The category node, e.g. <c>EC-ICT-WS</c>.</param>
/// <param name="Category">Its name, e.g. <c>Water and Sanitation</c>.</param>
/// <param name="MeanStanding">The mean of the city's KPI standings over the category's KPIs it has one on, 0–100;
/// <see langword="null"/> when it has none.</param>
/// <param name="KpiCount">How many KPIs that mean is over.</param>
/// <param name="Class">Strength, gap or neutral by the thresholds asked for; not reported when <see cref="KpiCount"/> is 0.</param>
public sealed record CategoryStanding(
    string CityId,
    string CategoryCode,
    string Category,
    double? MeanStanding,
    int KpiCount,
    StrengthClass Class);
