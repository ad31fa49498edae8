namespace Network.Contracts.Attestations;

/// <summary>
/// A U4SSC verifier's verdict on one value, as the Verification Manual has it: the KPI is verified, it is not (with a
/// reason), or the verifier has a question for the city that must be answered before it can decide.
/// </summary>
public enum VerdictOutcome
{
    /// <summary>The verifier checked the value against its sources and accepts it (wire name <c>verified</c>).</summary>
    Verified,

    /// <summary>The verifier does not accept the value; the verdict carries the reason (wire name <c>not-verified</c>).</summary>
    NotVerified,

    /// <summary>
    /// The verifier asked the city a question about the value and has not decided yet (wire name <c>question</c>). The
    /// question itself travels in the members-only thread, never in the public attestation.
    /// </summary>
    Question,
}
