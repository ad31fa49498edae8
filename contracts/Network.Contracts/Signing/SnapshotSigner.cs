using System.Security.Cryptography;
using Network.Contracts.Disclosures;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Signing;

/// <summary>
/// Signs snapshots with a city's P-256 key as compact JWS (ES256). The node uses it; the hub never holds
/// a city's private key.
/// </summary>
public sealed class SnapshotSigner
{
    private readonly ECDsa _key;
    private readonly string _encodedHeader;

    /// <summary>Creates a signer for the key registered under <paramref name="keyId"/>.</summary>
    /// <param name="privateKey">A P-256 key with its private part. The signer does not dispose it.</param>
    /// <param name="keyId">The <c>kid</c> the hub knows this key by.</param>
    public SnapshotSigner(ECDsa privateKey, string keyId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        CompactJws.RequireP256(privateKey, nameof(privateKey));

        _key = privateKey;
        KeyId = keyId;
        _encodedHeader = CompactJws.EncodeHeader(keyId, SnapshotFormat.TokenType);
    }

    /// <summary>The key id written into every header.</summary>
    public string KeyId { get; }

    /// <summary>
    /// The compact JWS for <paramref name="snapshot"/> as it is: <c>header.payload.signature</c>. A format-1 snapshot
    /// carries its notes in the clear, so its JWS is for members only; <see cref="SignWithDisclosures(Snapshot)"/> is what
    /// nodes use.
    /// </summary>
    public string Sign(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return CompactJws.Sign(_key, _encodedHeader, SnapshotJson.Serialize(snapshot));
    }

    /// <summary>
    /// Signs <paramref name="snapshot"/> in format 2: each note is withheld behind a disclosure with a fresh 128-bit salt,
    /// the payload carries the disclosures' digests, so the JWS can go to anyone while members get the notes.
    /// </summary>
    public SignedSnapshot SignWithDisclosures(Snapshot snapshot) => SignWithDisclosures(snapshot, Disclosure.ForNote);

    /// <summary>
    /// <see cref="SignWithDisclosures(Snapshot)"/> with the disclosures made by <paramref name="disclose"/>: for test
    /// vectors with fixed salts.
    /// </summary>
    public SignedSnapshot SignWithDisclosures(Snapshot snapshot, Func<string, Disclosure> disclose)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(disclose);
        var disclosures = new List<Disclosure>();
        var values = snapshot.Values.Select(v =>
        {
            if (v.Note is null)
            {
                return v with { NoteDigest = null };
            }

            var disclosure = disclose(v.Note);
            disclosures.Add(disclosure);
            return v with { NoteDigest = disclosure.Digest };
        }).ToList();
        var signed = snapshot with { Values = values, FormatVersion = SnapshotFormat.Version2 };
        return new SignedSnapshot(signed, CompactJws.Sign(_key, _encodedHeader, SnapshotJson.Serialize(signed)), disclosures);
    }
}
