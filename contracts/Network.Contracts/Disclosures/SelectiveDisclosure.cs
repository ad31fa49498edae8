using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Network.Contracts.Disclosures;

/// <summary>
/// The fixed facts of selective disclosure in format-2 snapshots (contracts/README.md §4), after SD-JWT (RFC 9901):
/// the claim that can be withheld, the digest algorithm, and the SD-JWT compact form <c>&lt;jws&gt;~&lt;disclosure&gt;~…~</c>
/// in which a snapshot travels with its disclosures.
/// </summary>
public static class SelectiveDisclosure
{
    /// <summary>The one digest algorithm (<c>_sd_alg</c>), by its IANA hash name.</summary>
    public const string HashAlgorithm = "sha-256";

    /// <summary>The one member that can be withheld: a value's note.</summary>
    public const string NoteClaim = "note";

    /// <summary>The separator of the SD-JWT compact form.</summary>
    public const char Separator = '~';

    /// <summary>Random bytes in a salt written here (128 bits).</summary>
    public const int SaltBytes = 16;

    /// <summary>The shortest salt accepted: 128 bits as unpadded base64url.</summary>
    public const int MinSaltLength = 22;

    /// <summary>A digest's length: 32 bytes as unpadded base64url.</summary>
    public const int DigestLength = 43;

    /// <summary>Unpadded base64url of SHA-256 over the ASCII bytes of an encoded disclosure (RFC 9901 §4.2.3).</summary>
    public static string DigestOf(string encodedDisclosure)
    {
        ArgumentNullException.ThrowIfNull(encodedDisclosure);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(encodedDisclosure)));
    }

    /// <summary>
    /// The SD-JWT compact form: the JWS, then each disclosure, each followed by <c>~</c>. Without disclosures, the bare
    /// JWS: what a format-1 snapshot or a format-2 snapshot without notes is sent as.
    /// </summary>
    public static string Compose(string jws, IEnumerable<string> disclosures)
    {
        ArgumentNullException.ThrowIfNull(jws);
        ArgumentNullException.ThrowIfNull(disclosures);
        var builder = new StringBuilder(jws);
        var any = false;
        foreach (var disclosure in disclosures)
        {
            builder.Append(Separator).Append(disclosure);
            any = true;
        }

        return any ? builder.Append(Separator).ToString() : jws;
    }

    /// <summary>
    /// Splits a submission into its JWS and its disclosures. A bare JWS has none; <c>&lt;jws&gt;~</c> has none either.
    /// The key binding is what follows the last <c>~</c>: empty in the accepted form (key binding,
    /// RFC 9901 §4.3, is not used here).
    /// </summary>
    public static (string Jws, IReadOnlyList<string> Disclosures, string KeyBinding) Split(string submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var first = submission.IndexOf(Separator, StringComparison.Ordinal);
        if (first < 0)
        {
            return (submission, [], "");
        }

        var parts = submission[(first + 1)..].Split(Separator);
        return (submission[..first], parts[..^1], parts[^1]);
    }

    /// <summary>The JWS part of a submission: all of it for a bare JWS, up to the first <c>~</c> for an SD-JWT.</summary>
    public static string JwsOf(string submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var first = submission.IndexOf(Separator, StringComparison.Ordinal);
        return first < 0 ? submission : submission[..first];
    }
}
