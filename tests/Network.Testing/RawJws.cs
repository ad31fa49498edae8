using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Network.Testing;

/// <summary>
/// Hand-made JWS for attack and malformation tests: any header, any payload bytes, signed or not. The
/// product's signer never produces these; that is the point.
/// </summary>
public static class RawJws
{
    /// <summary>base64url of UTF-8 <paramref name="text"/>.</summary>
    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>A JWS over <paramref name="headerJson"/> and <paramref name="payloadJson"/> signed ES256 with <paramref name="key"/>.</summary>
    public static string SignEs256(string headerJson, string payloadJson, ECDsa key) =>
        SignParts(Encode(headerJson), Encode(payloadJson), key);

    /// <summary>
    /// A JWS over two parts taken verbatim (whatever their encoding) signed ES256 with <paramref name="key"/>:
    /// the signature is right, so only the parts can be wrong.
    /// </summary>
    public static string SignParts(string headerPart, string payloadPart, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = headerPart + "." + payloadPart;
        var sig = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64Url.EncodeToString(sig);
    }

    /// <summary>A JWS signed HS256 with <paramref name="secret"/> (the classic public-key-as-HMAC-secret attack).</summary>
    public static string SignHs256(string headerJson, string payloadJson, byte[] secret)
    {
        var input = Encode(headerJson) + "." + Encode(payloadJson);
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary><paramref name="jws"/> with its part number <paramref name="index"/> (0 header, 1 payload, 2 signature) replaced by <paramref name="part"/> verbatim.</summary>
    public static string WithPart(string jws, int index, string part)
    {
        var parts = jws.Split('.');
        parts[index] = part;
        return string.Join('.', parts);
    }

    /// <summary>The payload JSON of a compact JWS, decoded.</summary>
    public static string PayloadOf(string jws) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(jws.Split('.')[1]));

    /// <summary>The header JSON of a compact JWS, decoded.</summary>
    public static string HeaderOf(string jws) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(jws.Split('.')[0]));
}
