namespace Network.Contracts.Snapshots;

/// <summary>
/// How a value was obtained: the data-quality classes of the U4SSC Verification Manual (2022).
/// Scoring and matching give estimated values less weight, so the class travels with every value.
/// </summary>
public enum DataQuality
{
    /// <summary><c>measured</c>: based on accurate measurements.</summary>
    Measured,

    /// <summary><c>survey-extrapolated</c>: extrapolated from a survey of inhabitants.</summary>
    SurveyExtrapolated,

    /// <summary><c>higher-level-extrapolated</c>: extrapolated from regional or national data.</summary>
    HigherLevelExtrapolated,

    /// <summary><c>assumption-estimated</c>: estimated from stated assumptions.</summary>
    AssumptionEstimated,

    /// <summary><c>personal-estimate</c>: a person's estimate.</summary>
    PersonalEstimate,

    /// <summary><c>unknown</c>: unknown methodology, not traceable.</summary>
    Unknown,
}
