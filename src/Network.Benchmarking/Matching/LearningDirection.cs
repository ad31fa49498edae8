namespace Network.Benchmarking.Matching;

/// <summary>Which way a KPI's knowledge flows in a match, seen from the partner.</summary>
public enum LearningDirection
{
    /// <summary>The partner stands higher on the KPI: it can teach the city.</summary>
    PartnerTeaches,

    /// <summary>The city stands higher: the partner can learn from it.</summary>
    PartnerLearns,
}
