using Network.Contracts.Messages;

namespace Network.Hub.Attestations;

/// <summary>What the hub decided about one attestation: exactly one of <see cref="Accepted"/> and <see cref="Rejected"/>.</summary>
public sealed record AttestationOutcome
{
    private AttestationOutcome(AttestationAccepted? accepted, AttestationRejected? rejected)
    {
        Accepted = accepted;
        Rejected = rejected;
    }

    /// <summary>The receipt, when accepted (or already held with the same content).</summary>
    public AttestationAccepted? Accepted { get; }

    /// <summary>The refusal with every reason, when refused.</summary>
    public AttestationRejected? Rejected { get; }

    /// <summary>An acceptance.</summary>
    public static AttestationOutcome Accept(AttestationAccepted receipt) => new(receipt, null);

    /// <summary>A refusal.</summary>
    public static AttestationOutcome Reject(AttestationRejected refusal) => new(null, refusal);
}
