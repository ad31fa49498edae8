using System.Security.Cryptography;
using Network.Contracts.Signing;

namespace Network.Contracts.Attestations;

/// <summary>
/// Signs attestations with a verifier's P-256 key as compact JWS (ES256, <c>typ</c> <c>u4ssc-attestation+jws</c>).
/// The verifier's tool uses it; the hub never holds a verifier's private key (the embedded demo's verifier aside).
/// </summary>
public sealed class AttestationSigner
{
    private readonly ECDsa _key;
    private readonly string _encodedHeader;

    /// <summary>Creates a signer for the key registered under <paramref name="keyId"/>.</summary>
    /// <param name="privateKey">A P-256 key with its private part. The signer does not dispose it.</param>
    /// <param name="keyId">The <c>kid</c> the hub knows this key by.</param>
    public AttestationSigner(ECDsa privateKey, string keyId)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        CompactJws.RequireP256(privateKey, nameof(privateKey));

        _key = privateKey;
        KeyId = keyId;
        _encodedHeader = CompactJws.EncodeHeader(keyId, AttestationFormat.TokenType);
    }

    /// <summary>The key id written into every header.</summary>
    public string KeyId { get; }

    /// <summary>The compact JWS for <paramref name="attestation"/>: <c>header.payload.signature</c>.</summary>
    public string Sign(Attestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return CompactJws.Sign(_key, _encodedHeader, AttestationJson.Serialize(attestation));
    }
}
