using Network.Benchmarking.Scoring;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Matching;

/// <summary>One reported value as matching shows it: the number, how much it counts, and where it stands.</summary>
/// <param name="Key">The KPI (and data point).</param>
/// <param name="Value">The reported number, in the KPI's unit.</param>
/// <param name="Quality">The data-quality class the city stated.</param>
/// <param name="Verified">Whether a verifier confirmed it.</param>
/// <param name="QualityWeight">What it counts in matching (<see cref="QualityWeights"/>): 1 for a verified measurement, less otherwise.</param>
/// <param name="Standing">Its standing in the network (percentile, rank, reporting count, median).</param>
/// <param name="Points">U4SSC points against the matcher's target set; <see langword="null"/> without a target.</param>
/// <param name="Band">The U4SSC band; <see langword="null"/> without a target.</param>
public sealed record PeerValue(
    KpiKey Key,
    double Value,
    DataQuality Quality,
    bool Verified,
    double QualityWeight,
    Standing Standing,
    int? Points,
    Band? Band);
