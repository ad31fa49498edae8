using System.Security.Cryptography;
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
        // KeySize alone would let a brainpoolP256r1 key through, whose signatures no verifier would accept.
        if (privateKey.KeySize != 256
            || privateKey.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(privateKey));
        }

        _key = privateKey;
        KeyId = keyId;
        _encodedHeader = CompactJws.EncodeHeader(keyId, SnapshotFormat.TokenType);
    }

    /// <summary>The key id written into every header.</summary>
    public string KeyId { get; }

    /// <summary>The compact JWS for <paramref name="snapshot"/>: <c>header.payload.signature</c>.</summary>
    public string Sign(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return CompactJws.Sign(_key, _encodedHeader, SnapshotJson.Serialize(snapshot));
    }
}
