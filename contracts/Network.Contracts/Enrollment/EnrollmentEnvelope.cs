using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Enrollment;

/// <summary>
/// What every enrollment request (a city's node's, a verifier's) shares: a compact JWS (ES256) with a header of exactly
/// <c>alg</c>, <c>kid</c> and <c>typ</c>, signed with the private half of the public key it carries, whose RFC 7638
/// thumbprint is the <c>kid</c>; a payload with a contact address and a creation time. Reading collects every problem
/// with the field it concerns; each request type reads its own members through it and then checks the signature.
/// </summary>
internal sealed class EnrollmentEnvelope
{
    private static readonly JsonSerializerOptions PayloadOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string? _signingInput;
    private readonly byte[]? _signature;
    private readonly string? _kid;

    private EnrollmentEnvelope(JsonObject? payload, string? signingInput, byte[]? signature, string? kid, List<EnrollmentProblem> problems)
    {
        Payload = payload;
        _signingInput = signingInput;
        _signature = signature;
        _kid = kid;
        Problems = problems;
    }

    /// <summary>The payload, when it is a JSON object; every member check needs it.</summary>
    public JsonObject? Payload { get; }

    /// <summary>Every problem found so far.</summary>
    public List<EnrollmentProblem> Problems { get; }

    /// <summary>
    /// Opens <paramref name="jws"/>: its length, the three parts, the header (exactly ES256, a kid, and
    /// <paramref name="tokenType"/>), the payload as a JSON object and the signature's encoding.
    /// </summary>
    public static EnrollmentEnvelope Open(string jws, string tokenType)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var problems = new List<EnrollmentProblem>();
        if (jws.Length > EnrollmentRequest.MaxLength)
        {
            problems.Add(new("jws", $"The request is longer than {EnrollmentRequest.MaxLength:N0} characters; a genuine one is well under 1,000."));
            return new(null, null, null, null, problems);
        }

        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            problems.Add(new("jws", "Not a compact JWS: it must be three base64url parts separated by dots."));
            return new(null, null, null, null, problems);
        }

        var header = ReadObject(parts[0], "header", problems);
        var payload = ReadObject(parts[1], "payload", problems);
        var signature = CompactJws.Decode(parts[2]);
        if (signature is null)
        {
            problems.Add(new("signature", "The signature is not unpadded base64url."));
        }

        var kid = header is null ? null : CheckHeader(header, tokenType, problems);
        return new(payload, parts[0] + "." + parts[1], signature, kid, problems);
    }

    /// <summary>
    /// The <c>typ</c> the header of <paramref name="jws"/> names, read without checking anything else, so that one door
    /// can take several kinds of request; <see langword="null"/> when there is no readable one.
    /// </summary>
    public static string? TypeOf(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var end = jws.IndexOf('.', StringComparison.Ordinal);
        if (end <= 0 || end > 1024 || CompactJws.Decode(jws[..end]) is not { } bytes)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) is JsonObject header && header["typ"] is JsonValue typ && typ.GetValueKind() == JsonValueKind.String
                ? (string?)typ
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A required string member, or <see langword="null"/> with a problem.</summary>
    public string? String(string member)
    {
        if (Payload![member] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return (string?)value;
        }

        Problems.Add(new($"$.{member}", Payload[member] is null ? $"'{member}' is required." : $"'{member}' must be a string."));
        return null;
    }

    /// <summary>A required name of 1 to <paramref name="maxLength"/> characters, trimmed; <paramref name="what"/> says whose.</summary>
    public string? Name(string member, int maxLength, string what)
    {
        var name = String(member)?.Trim();
        if (name is { Length: 0 } || name?.Length > maxLength)
        {
            Problems.Add(new($"$.{member}", $"{what} must be 1 to {maxLength} characters."));
        }

        return name;
    }

    /// <summary>The optional <c>contact</c>: an e-mail address.</summary>
    public string? Contact()
    {
        var contact = Payload!["contact"] is null ? null : String("contact")?.Trim();
        if (contact is not null && (contact.Length > EnrollmentRequest.MaxContactLength || !contact.Contains('@', StringComparison.Ordinal) || contact.Any(char.IsWhiteSpace)))
        {
            Problems.Add(new("$.contact", $"Not an e-mail address (at most {EnrollmentRequest.MaxContactLength} characters, with an @ and no spaces)."));
        }

        return contact;
    }

    /// <summary>The required <c>createdAt</c>: an RFC 3339 date-time with an offset.</summary>
    public DateTimeOffset CreatedAt()
    {
        var text = String("createdAt");
        if (text is not null && TryParseInstant(text, out var createdAt))
        {
            return createdAt;
        }

        if (text is not null)
        {
            Problems.Add(new("$.createdAt", "Not an RFC 3339 date-time with an offset, e.g. 2026-11-25T10:00:00Z."));
        }

        return default;
    }

    /// <summary>The required <c>publicJwk</c>: a public P-256 key; <paramref name="owner"/> names whose (city, verifier).</summary>
    public EcPublicJwk? PublicKey(string owner)
    {
        if (Payload!["publicJwk"] is not JsonObject jwk)
        {
            Problems.Add(new("$.publicJwk", $"The request must carry the {owner}'s public key as a JWK object."));
            return null;
        }

        if (EcPublicJwk.TryParse(jwk.ToJsonString(), out var key, out var error))
        {
            return key;
        }

        Problems.Add(new("$.publicJwk", $"Not a usable {owner} key: {error}."));
        return null;
    }

    /// <summary>A problem for every payload member not in <paramref name="members"/>; <paramref name="what"/> names the request.</summary>
    public void AllowOnly(IReadOnlyList<string> members, string what)
    {
        foreach (var member in Payload!.Select(m => m.Key).Except(members, StringComparer.Ordinal))
        {
            Problems.Add(new($"$.{member}", $"'{member}' is not a member of {what}."));
        }
    }

    /// <summary>
    /// Checks that the header's <c>kid</c> is the thumbprint of <paramref name="key"/> (the key the payload carries) and
    /// that the signature verifies with it: proof that the sender holds the key.
    /// </summary>
    public void CheckSignature(EcPublicJwk? key)
    {
        if (key is not null && _kid is not null && _kid != key.Thumbprint())
        {
            Problems.Add(new("header.kid", $"The kid must be the RFC 7638 thumbprint of the request's key ({key.Thumbprint()})."));
        }
        else if (key is not null && _signature is not null && !CompactJws.Verify(key, _signingInput!, _signature))
        {
            Problems.Add(new("signature", "The signature does not verify with the request's key: the request was changed after signing, or another key signed it."));
        }
    }

    /// <summary>
    /// Signs <paramref name="payload"/> with <paramref name="privateKey"/>, whose public half must be
    /// <paramref name="carried"/>, under the key's thumbprint and <paramref name="tokenType"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="privateKey"/> is not the request's key.</exception>
    public static string Sign(ECDsa privateKey, EcPublicJwk carried, string tokenType, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (!EcPublicJwk.FromKey(privateKey).Equals(carried))
        {
            throw new ArgumentException("An enrollment request is signed with the private half of the key it carries.", nameof(privateKey));
        }

        return CompactJws.Sign(privateKey, CompactJws.EncodeHeader(carried.Thumbprint(), tokenType), JsonSerializer.SerializeToUtf8Bytes(payload, PayloadOptions));
    }

    /// <summary>The wire form of a creation time: UTC, whole seconds, <c>Z</c>.</summary>
    public static string WriteInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? CheckHeader(JsonObject header, string tokenType, List<EnrollmentProblem> problems)
    {
        if (header["alg"]?.GetValueKind() != JsonValueKind.String || (string?)header["alg"] != SnapshotFormat.Algorithm)
        {
            problems.Add(new("header.alg", $"The algorithm must be {SnapshotFormat.Algorithm}."));
        }

        if (header["typ"]?.GetValueKind() != JsonValueKind.String || (string?)header["typ"] != tokenType)
        {
            problems.Add(new("header.typ", $"The type must be {tokenType}."));
        }

        foreach (var member in header.Select(m => m.Key).Except(["alg", "kid", "typ"], StringComparer.Ordinal))
        {
            problems.Add(new($"header.{member}", $"The header may hold only alg, kid and typ, not '{member}'."));
        }

        if (header["kid"]?.GetValueKind() == JsonValueKind.String && (string?)header["kid"] is { Length: > 0 } kid)
        {
            return kid;
        }

        problems.Add(new("header.kid", "The header must name the key (kid)."));
        return null;
    }

    private static JsonObject? ReadObject(string part, string name, List<EnrollmentProblem> problems)
    {
        var bytes = CompactJws.Decode(part);
        if (bytes is null)
        {
            problems.Add(new(name, $"The {name} is not unpadded base64url."));
            return null;
        }

        try
        {
            if (JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false }) is JsonObject json)
            {
                return json;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        problems.Add(new(name == "payload" ? "$" : name, $"The {name} is not a JSON object (UTF-8, each member once)."));
        return null;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        // An offset is required: "2026-11-25T10:00:00" alone would mean the reader's time zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant) && hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase);
    }
}
