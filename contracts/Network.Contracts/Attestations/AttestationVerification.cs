using Network.Contracts.Verification;

namespace Network.Contracts.Attestations;

/// <summary>
/// The outcome of verifying a verifier's attestation: either the attestation with the key that signed it, or every
/// reason it was refused. Never both, never neither.
/// </summary>
public sealed class AttestationVerification
{
    private AttestationVerification(VerifiedAttestation? verified, IReadOnlyList<Rejection> rejections, Attestation? claimed, string? claimedKeyId)
    {
        Verified = verified;
        Rejections = rejections;
        Claimed = claimed;
        ClaimedKeyId = claimedKeyId;
    }

    /// <summary>The verified attestation; <see langword="null"/> when refused.</summary>
    public VerifiedAttestation? Verified { get; }

    /// <summary>Every reason for refusal; empty when accepted.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>
    /// What the payload claimed, when it could be read, even if refused (placeholders where a member could not be read):
    /// lets the hub address an answer (attestation id, verifier) without trusting it for anything else.
    /// </summary>
    public Attestation? Claimed { get; }

    /// <summary>
    /// The header's <c>kid</c>, when it could be read, even if refused: lets the hub, which knows the cities' keys too, say
    /// that an unknown verifier key is a city's.
    /// </summary>
    public string? ClaimedKeyId { get; }

    /// <summary>Whether the attestation passed.</summary>
    public bool IsValid => Verified is not null;

    /// <summary>An accepted result.</summary>
    public static AttestationVerification Accept(VerifiedAttestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return new(attestation, [], attestation.Attestation, attestation.KeyId);
    }

    /// <summary>A refusal with at least one reason.</summary>
    public static AttestationVerification Refuse(IReadOnlyList<Rejection> rejections, Attestation? claimed = null, string? claimedKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        return rejections.Count == 0
            ? throw new ArgumentException("A refusal needs at least one reason.", nameof(rejections))
            : new(null, rejections, claimed, claimedKeyId);
    }
}

/// <summary>An attestation whose envelope, shape, key and signature checked out (the hub still judges it against its records).</summary>
/// <param name="Attestation">The parsed payload.</param>
/// <param name="KeyId">The registered verifier key that signed it.</param>
/// <param name="Jws">The compact JWS exactly as received, kept so anyone can re-verify it.</param>
/// <param name="Digest">The attestation's digest: unpadded base64url SHA-256 of the compact JWS, as for a snapshot.</param>
public sealed record VerifiedAttestation(Attestation Attestation, string KeyId, string Jws, string Digest);
