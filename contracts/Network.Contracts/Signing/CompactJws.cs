using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Signing;

/// <summary>
/// The compact JWS (RFC 7515) the contracts write: ES256 only, a protected header of exactly <c>alg</c>, <c>kid</c>
/// and <c>typ</c>, the signature as <c>r‖s</c> (IEEE P1363, 64 bytes). Snapshots and enrollment requests share it.
/// </summary>
internal static class CompactJws
{
    private static readonly JsonSerializerOptions HeaderOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The encoded protected header. Written without the default HTML-safe escaping, so it reads exactly as
    /// contracts/README.md shows it (<c>"u4ssc-snapshot+jws"</c>, not <c>"u4ssc-snapshot\u002Bjws"</c>).
    /// </summary>
    public static string EncodeHeader(string keyId, string type) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["alg"] = SnapshotFormat.Algorithm, ["kid"] = keyId, ["typ"] = type },
            HeaderOptions));

    /// <summary>
    /// Refuses a key that cannot sign ES256. KeySize alone would let a brainpoolP256r1 key through, whose signatures no
    /// verifier would accept.
    /// </summary>
    public static void RequireP256(ECDsa key, string parameterName)
    {
        if (key.KeySize != 256
            || key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", parameterName);
        }
    }

    /// <summary><c>header.payload.signature</c> for an encoded header and the payload's bytes.</summary>
    public static string Sign(ECDsa key, string encodedHeader, ReadOnlySpan<byte> payload)
    {
        var signingInput = encodedHeader + "." + Base64Url.EncodeToString(payload);
        // JWS wants r || s (IEEE P1363), not the DER that ECDsa produces by default.
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Whether <paramref name="signature"/> is an ES256 signature of <paramref name="signingInput"/> by <paramref name="key"/>.</summary>
    public static bool Verify(EcPublicJwk key, string signingInput, byte[] signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        using var ecdsa = key.ToECDsa();
        return ecdsa.VerifyData(Encoding.ASCII.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Decodes canonical unpadded base64url; <see langword="null"/> for anything else (padding, whitespace, other characters).</summary>
    public static byte[]? Decode(string part) =>
        part.Contains('=') || part.Any(char.IsWhiteSpace) || !Base64Url.IsValid(part) ? null : Base64Url.DecodeFromChars(part);
}
