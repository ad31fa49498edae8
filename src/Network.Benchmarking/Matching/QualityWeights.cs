using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Matching;

/// <summary>
/// How much a reported value counts in peer matching, from 0 to 1, by how it was obtained and whether a verifier
/// confirmed it. A gap between two cities is only as trustworthy as the values at both ends, so a pair's weight on a
/// KPI is the product of both cities' weights (see <see cref="PeerMatcher"/>). Scores and standings are never weighed;
/// only matching is.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Data quality (U4SSC Verification Manual)</term><description>Weight</description></listheader>
/// <item><term><c>measured</c></term><description>1.0: an accurate measurement of the city itself.</description></item>
/// <item><term><c>survey-extrapolated</c></term><description>0.8: still about the city, but sampled.</description></item>
/// <item><term><c>higher-level-extrapolated</c></term><description>0.6: regional or national data scaled to the city;
/// says little about what the city itself does.</description></item>
/// <item><term><c>assumption-estimated</c></term><description>0.5: an estimate from stated assumptions.</description></item>
/// <item><term><c>personal-estimate</c></term><description>0.3: one person's estimate.</description></item>
/// <item><term><c>unknown</c></term><description>0.3: methodology not traceable.</description></item>
/// </list>
/// An unverified value counts <see cref="UnverifiedFactor"/> (0.8) of that: a verified measured value weighs 1.0, an
/// unverified measured one 0.8, an unverified personal estimate 0.24.
/// </remarks>
public static class QualityWeights
{
    /// <summary>The factor for a value no verifier confirmed.</summary>
    public const double UnverifiedFactor = 0.8;

    /// <summary>The weight of a data-quality class, verified.</summary>
    public static double Of(DataQuality quality) => quality switch
    {
        DataQuality.Measured => 1.0,
        DataQuality.SurveyExtrapolated => 0.8,
        DataQuality.HigherLevelExtrapolated => 0.6,
        DataQuality.AssumptionEstimated => 0.5,
        DataQuality.PersonalEstimate => 0.3,
        DataQuality.Unknown => 0.3,
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "Not a data-quality class."),
    };

    /// <summary>The weight of a value: its class's weight, times <see cref="UnverifiedFactor"/> when unverified.</summary>
    public static double Of(DataQuality quality, bool verified) => verified ? Of(quality) : Of(quality) * UnverifiedFactor;
}
