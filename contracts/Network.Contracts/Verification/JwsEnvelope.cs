using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// The envelope every signed document of the network shares (contracts/README.md §3): a compact JWS of canonical
/// unpadded base64url parts, a protected header of exactly <c>alg</c> (ES256), <c>kid</c> and <c>typ</c>, a strict JSON
/// payload of at most <see cref="SnapshotFormat.MaxPayloadBytes"/>. The snapshot and the attestation verifiers read it
/// here, so both refuse the same fault with the same reason at the same field.
/// </summary>
internal static class JwsEnvelope
{
    private static readonly HashSet<string> AllowedHeader = ["alg", "kid", "typ"];

    // A compact JWS whose payload part could decode to more than the limit is refused before decoding.
    private static readonly int MaxCompactLength = Base64Url.GetEncodedLength(SnapshotFormat.MaxPayloadBytes) + 8 * 1024;

    // Every character char.IsWhiteSpace accepts, for a vectorised search instead of a per-character predicate.
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>The three parts of <paramref name="compactJws"/>, or <see langword="null"/> with the one reason it is no compact JWS at all.</summary>
    public static string[]? Split(string compactJws, out Rejection? refusal)
    {
        if (compactJws.Length > MaxCompactLength)
        {
            refusal = Rejections.JwsTooLong(compactJws.Length, MaxCompactLength);
            return null;
        }

        var parts = compactJws.Split('.');
        if (parts.Length != 3)
        {
            refusal = Rejections.MalformedJws(parts.Length);
            return null;
        }

        refusal = null;
        return parts;
    }

    /// <summary>
    /// Reads the protected header: only <c>alg</c>, <c>kid</c> and <c>typ</c>, <c>alg</c> ES256, <c>typ</c>
    /// <paramref name="tokenType"/> (else <paramref name="wrongType"/>'s refusal), a non-empty <c>kid</c>.
    /// </summary>
    public static JwsHeader ReadHeader(string part, string tokenType, Func<string?, Rejection> wrongType, List<Rejection> problems)
    {
        var bytes = Decode(part, "header", problems);
        if (bytes is null)
        {
            return default;
        }

        var structure = JsonStructure.Check(bytes, "header");
        if (structure.Count > 0)
        {
            problems.AddRange(structure);
            return default;
        }

        using var doc = JsonDocument.Parse(bytes);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Rejections.WrongFieldType("header", "an object", doc.RootElement.ValueKind.ToString().ToLowerInvariant()));
            return default;
        }

        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (!AllowedHeader.Contains(property.Name))
            {
                problems.Add(Rejections.UnsupportedHeader(property.Name));
            }
        }

        string? Str(string name) =>
            doc.RootElement.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

        var alg = Str("alg");
        var algorithmOk = string.Equals(alg, SnapshotFormat.Algorithm, StringComparison.Ordinal);
        if (!algorithmOk)
        {
            problems.Add(Rejections.UnsupportedAlgorithm(alg));
        }

        var typ = Str("typ");
        if (!string.Equals(typ, tokenType, StringComparison.Ordinal))
        {
            problems.Add(wrongType(typ));
        }

        var kid = doc.RootElement.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (string.IsNullOrWhiteSpace(kid))
        {
            problems.Add(Rejections.MissingKeyId());
            kid = null;
        }

        return new JwsHeader(kid, algorithmOk);
    }

    /// <summary>
    /// The payload's bytes when they are within the size limit and strict JSON (no duplicate members, nothing after the
    /// value); <see langword="null"/> with the reasons otherwise. Paths start at <c>$</c>.
    /// </summary>
    public static byte[]? ReadPayload(string part, List<Rejection> problems)
    {
        if (Base64Url.GetMaxDecodedLength(part.Length) > SnapshotFormat.MaxPayloadBytes
            && Base64Url.IsValid(part, out var decodedLength) && decodedLength > SnapshotFormat.MaxPayloadBytes)
        {
            problems.Add(Rejections.PayloadTooLarge(decodedLength, SnapshotFormat.MaxPayloadBytes));
            return null;
        }

        var bytes = Decode(part, "payload", problems);
        if (bytes is null)
        {
            return null;
        }

        var structure = JsonStructure.Check(bytes, "$");
        if (structure.Count > 0)
        {
            problems.AddRange(structure);
            return null;
        }

        return bytes;
    }

    /// <summary>Decodes canonical unpadded base64url, naming <paramref name="name"/> in the refusal.</summary>
    public static byte[]? Decode(string part, string name, List<Rejection> problems)
    {
        // Base64Url.IsValid accepts padding and whitespace; JWS forbids both (RFC 7515 §2). It does refuse
        // non-zero unused bits in the last character, so each byte string has one spelling and a relay cannot
        // respell a signature (the tests pin this). An empty part is valid base64url for zero bytes: what is
        // wrong with it (no JSON, no signature) is said where that is checked.
        if (part.AsSpan().ContainsAny(WhiteSpace))
        {
            problems.Add(Rejections.WhitespaceInBase64Url(name));
            return null;
        }

        if (part.Contains('=') || !Base64Url.IsValid(part))
        {
            problems.Add(Rejections.MalformedBase64Url(name));
            return null;
        }

        return Base64Url.DecodeFromChars(part);
    }

    /// <summary>
    /// Whether a key may sign now: revocation is judged by the hub's clock (<paramref name="now"/>), as a revoked key
    /// may be in the wrong hands whatever date it writes; the validity window at signing time
    /// (<paramref name="issuedAt"/>, when it is known and not in the future), so a document signed before a planned key
    /// expiry and delivered after an outage still counts.
    /// </summary>
    public static KeyStanding Standing(DateTimeOffset validFrom, DateTimeOffset? validUntil, DateTimeOffset? revokedAt, DateTimeOffset? issuedAt, DateTimeOffset now)
    {
        var signedAt = issuedAt is { } issued && issued != default && issued <= now ? issued : now;
        if (revokedAt is { } revoked && revoked <= now)
        {
            return KeyStanding.Revoked;
        }

        return signedAt < validFrom || (validUntil is { } until && signedAt >= until) ? KeyStanding.NotValid : KeyStanding.Valid;
    }
}

/// <summary>What the protected header names: the key id (null when missing) and whether <c>alg</c> is ES256.</summary>
internal readonly record struct JwsHeader(string? KeyId, bool AlgorithmOk);

/// <summary>A key's standing for one signed document.</summary>
internal enum KeyStanding
{
    /// <summary>It may sign it.</summary>
    Valid,

    /// <summary>It was revoked before the document arrived.</summary>
    Revoked,

    /// <summary>The document was signed outside the key's validity dates.</summary>
    NotValid,
}
