using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Network.Contracts.Snapshots;

/// <summary>The fixed facts of the signed-snapshot wire format, documented in <c>contracts/README.md</c>.</summary>
public static class SnapshotFormat
{
    /// <summary>The only signature algorithm accepted: ECDSA on P-256 with SHA-256 (RFC 7518 §3.4).</summary>
    public const string Algorithm = "ES256";

    /// <summary>The protected header's <c>typ</c> for a city's KPI snapshot.</summary>
    public const string TokenType = "u4ssc-snapshot+jws";

    /// <summary>
    /// Reserved <c>typ</c> for a U4SSC verifier's countersignature: a separate JWS whose payload names a
    /// snapshot by its <see cref="Digest"/>. The city's own JWS never changes when it is verified.
    /// </summary>
    public const string AttestationTokenType = "u4ssc-attestation+jws";

    /// <summary>Format 1: notes travel in the clear in the signed payload, so the JWS is for members only.</summary>
    public const int Version1 = 1;

    /// <summary>
    /// Format 2: notes travel as SD-JWT disclosures beside the JWS, the payload holds their digests, so the JWS holds
    /// nothing members-only and every reader may have it. What nodes sign.
    /// </summary>
    public const int Version2 = 2;

    /// <summary>The largest payload accepted, in bytes after base64url decoding (1 MiB).</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    /// <summary>The most values one snapshot may carry (91 KPIs, several with data points, leave ample room).</summary>
    public const int MaxValues = 2_000;

    /// <summary>The earliest reporting period accepted.</summary>
    public const int FirstPeriod = 1990;

    /// <summary>How far in the future <c>issuedAt</c> may lie, for clock skew between node and hub.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest text accepted in <c>origin</c>, <c>source</c> and <c>note</c>.</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>
    /// The snapshot digest: unpadded base64url of SHA-256 over the ASCII bytes of the compact JWS. It names one
    /// exact signed snapshot (the hub's idempotency and conflict checks, and a verifier's countersignature, use it).
    /// Given a submission in the SD-JWT form (<c>jws~disclosure~…~</c>), it is the digest of the JWS part alone:
    /// the disclosures are not part of what is named.
    /// </summary>
    public static string Digest(string compactJws) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Disclosures.SelectiveDisclosure.JwsOf(compactJws))));

    /// <summary>
    /// The content hash: unpadded base64url of SHA-256 over the ASCII payload part of the compact JWS. ECDSA
    /// signatures are randomised, so the same snapshot signed twice has two digests but one content hash; the
    /// hub's idempotency ("same id, same content") compares this.
    /// </summary>
    public static string ContentHash(string compactJws)
    {
        ArgumentNullException.ThrowIfNull(compactJws);
        compactJws = Disclosures.SelectiveDisclosure.JwsOf(compactJws);
        var first = compactJws.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : compactJws.IndexOf('.', first + 1);
        var payload = second < 0 ? compactJws : compactJws[(first + 1)..second];
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(payload)));
    }
}

