using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Signing;

/// <summary>
/// Signs snapshots with a city's P-256 key as compact JWS (ES256). The node uses it; the hub never holds
/// a city's private key.
/// </summary>
public sealed class SnapshotSigner
{
    private static readonly JsonSerializerOptions HeaderOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        // Written without the default HTML-safe escaping, so the header reads exactly as contracts/README.md
        // shows it ("u4ssc-snapshot+jws", not "u4ssc-snapshot\u002Bjws").
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string>
            {
                ["alg"] = SnapshotFormat.Algorithm,
                ["kid"] = keyId,
                ["typ"] = SnapshotFormat.TokenType,
            },
            HeaderOptions);
        _encodedHeader = Base64Url.EncodeToString(header);
    }

    /// <summary>The key id written into every header.</summary>
    public string KeyId { get; }

    /// <summary>The compact JWS for <paramref name="snapshot"/>: <c>header.payload.signature</c>.</summary>
    public string Sign(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var signingInput = _encodedHeader + "." + Base64Url.EncodeToString(SnapshotJson.Serialize(snapshot));
        // JWS wants r || s (IEEE P1363), not the DER that ECDsa produces by default.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
