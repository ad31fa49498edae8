using Network.Benchmarking.Targets;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Scoring;

/// <summary>
/// One reported value of a city, scored: against its target where the set has one, and always against the
/// network. Data quality and verification are carried through unchanged; they never change a score.
/// </summary>
/// <param name="Key">The KPI (and data point).</param>
/// <param name="Value">The reported number.</param>
/// <param name="Quality">The data-quality class the city stated.</param>
/// <param name="Verified">Whether a verifier confirmed the value.</param>
/// <param name="Target">The target it was scored against; <see langword="null"/> when the set has none for it.</param>
/// <param name="PercentOfTarget">Percent of target, 0–100 (capped); <see langword="null"/> without a target.</param>
/// <param name="Points">U4SSC points, 1–4; <see langword="null"/> without a target.</param>
/// <param name="Band">The U4SSC band; <see langword="null"/> without a target.</param>
/// <param name="Standing">Where the value stands among the cities that reported the same KPI (data point).</param>
/// <param name="Explanation">The score in words: which target from which set and source, the arithmetic, the standing.</param>
public sealed record ValueScore(
    KpiKey Key,
    double Value,
    DataQuality Quality,
    bool Verified,
    Target? Target,
    double? PercentOfTarget,
    int? Points,
    Band? Band,
    Standing Standing,
    string Explanation);
