using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// The outcome of verifying a signed snapshot: either the snapshot with the key that signed it, or every
/// reason it was refused. Never both, never neither.
/// </summary>
public sealed class VerificationResult
{
    private VerificationResult(VerifiedSnapshot? snapshot, IReadOnlyList<Rejection> rejections, Snapshot? partial)
    {
        Verified = snapshot;
        Rejections = rejections;
        Claimed = partial;
    }

    /// <summary>The verified snapshot; <see langword="null"/> when refused.</summary>
    public VerifiedSnapshot? Verified { get; }

    /// <summary>Every reason for refusal; empty when accepted.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>
    /// What the payload claimed, when it could be read, even if refused: lets the hub address an answer
    /// (snapshot id, city) without trusting it for anything else.
    /// </summary>
    public Snapshot? Claimed { get; }

    /// <summary>Whether the snapshot was accepted.</summary>
    public bool IsValid => Verified is not null;

    /// <summary>An accepted result.</summary>
    public static VerificationResult Accept(VerifiedSnapshot snapshot) => new(snapshot, [], snapshot.Snapshot);

    /// <summary>A refusal with at least one reason.</summary>
    public static VerificationResult Refuse(IReadOnlyList<Rejection> rejections, Snapshot? claimed = null) =>
        rejections.Count == 0
            ? throw new ArgumentException("A refusal needs at least one reason.", nameof(rejections))
            : new(null, rejections, claimed);
}

/// <summary>A snapshot whose signature, key ownership and content all checked out.</summary>
/// <param name="Snapshot">The parsed payload.</param>
/// <param name="KeyId">The registered key that signed it.</param>
/// <param name="Jws">The compact JWS exactly as received, kept so anyone can re-verify it later.</param>
/// <param name="Digest">The snapshot digest (see <see cref="SnapshotFormat.Digest"/>): of the JWS alone.</param>
/// <param name="Disclosures">The disclosures of a format-2 snapshot's notes, as received and each checked against its
/// value's digest; empty for a bare JWS. <see cref="Snapshot"/>'s values carry the disclosed notes.</param>
public sealed record VerifiedSnapshot(Snapshot Snapshot, string KeyId, string Jws, string Digest, IReadOnlyList<string> Disclosures);
