namespace Network.Benchmarking.Scoring;

/// <summary>
/// The four U4SSC benchmarking bands, as the City Snapshot wheel labels them. A band's number is its points
/// (1–4). A percentage falls in the band whose lower bound it reaches: [0, 33) → 1, [33, 66) → 2,
/// [66, 95) → 3, [95, 100] → 4; see <see cref="Bands.Of(double)"/>.
/// </summary>
public enum Band
{
    /// <summary>"Less than 33% of Target": 1 point.</summary>
    LessThan33 = 1,

    /// <summary>"33–66% of Target": 2 points.</summary>
    From33To66 = 2,

    /// <summary>"66–95% of Target": 3 points.</summary>
    From66To95 = 3,

    /// <summary>"95%+ Target": 4 points.</summary>
    AtLeast95 = 4,
}
