namespace Network.Benchmarking.Matching;

/// <summary>How a city stands in a category, by its mean KPI standing there and the thresholds asked for.</summary>
public enum StrengthClass
{
    /// <summary>The city has no standing on any KPI of the category.</summary>
    NotReported,

    /// <summary>The mean standing is at or below the gap threshold: something to learn.</summary>
    Gap,

    /// <summary>Between the thresholds.</summary>
    Neutral,

    /// <summary>The mean standing is at or above the strength threshold: something to teach.</summary>
    Strength,
}
