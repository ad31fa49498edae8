using Network.Contracts.Snapshots;

namespace Network.Contracts.Disclosures;

/// <summary>A signed format-2 snapshot: the JWS every reader may hold, and the disclosures of its notes for members.</summary>
/// <param name="Snapshot">What was signed: each value with a note carries its disclosure's digest in <see cref="KpiValue.NoteDigest"/>.</param>
/// <param name="Jws">The compact JWS: no note in the clear.</param>
/// <param name="Disclosures">One disclosure per value with a note, in the order of the values.</param>
public sealed record SignedSnapshot(Snapshot Snapshot, string Jws, IReadOnlyList<Disclosure> Disclosures)
{
    /// <summary>What a node submits (the POST body, <c>SnapshotSubmitted.jws</c>): the SD-JWT compact form, or the bare JWS without notes.</summary>
    public string Submission => SelectiveDisclosure.Compose(Jws, Disclosures.Select(d => d.Encoded));

    /// <summary>The snapshot digest: of the JWS alone, whatever disclosures travel with it.</summary>
    public string Digest => SnapshotFormat.Digest(Jws);
}
