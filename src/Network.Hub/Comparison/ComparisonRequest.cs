using Network.Benchmarking.Targets;
using Network.Hub.Scoring;

namespace Network.Hub.Comparison;

/// <summary>What to compare: which cities, which KPIs, which period, as published when, against which targets.</summary>
/// <param name="CityIds">The cities, in the order their columns should appear; at least one, at most <see cref="ComparisonTables.MaxCities"/>.</param>
/// <param name="Period">The reporting period (year).</param>
/// <param name="Kpis">KPI codes, in the order their rows should appear (each expands to one row per data point);
/// <see langword="null"/> or empty for every KPI any of the cities reported.</param>
/// <param name="AsOf">Show the values as published on this date; <see langword="null"/> for the current values.</param>
/// <param name="Targets">The target set; <see cref="TargetSet.Default"/> when <see langword="null"/>.</param>
/// <param name="Basis">Which values count: every reported one (the default) or only the verified ones.</param>
public sealed record ComparisonRequest(
    IReadOnlyList<string> CityIds,
    int Period,
    IReadOnlyList<string>? Kpis = null,
    DateTimeOffset? AsOf = null,
    TargetSet? Targets = null,
    ScoringBasis Basis = ScoringBasis.AsReported);
