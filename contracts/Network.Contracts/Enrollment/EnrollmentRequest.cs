using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Enrollment;

/// <summary>
/// A city node's request to join the network with its public key: written by the node's <c>init</c>, posted to the
/// hub's <c>POST /api/enrollments</c>, approved or rejected by a network coordinator. It travels as a compact JWS
/// (ES256, <c>typ</c> <see cref="TokenType"/>) signed with the private half of the key it carries: a proof that the
/// sender holds that key. It proves nothing about who the sender is; the coordinator checks that out of band (the
/// contact address) before approving.
/// </summary>
/// <param name="CityId">The city, e.g. <c>NO-5001</c>.</param>
/// <param name="CityName">The city's name, e.g. <c>Trondheim</c>.</param>
/// <param name="PublicKey">The city's public signing key.</param>
/// <param name="Contact">Whom the coordinator contacts to confirm the request (an e-mail address); optional.</param>
/// <param name="CreatedAt">When the node wrote the request.</param>
public sealed record EnrollmentRequest(string CityId, string CityName, EcPublicJwk PublicKey, string? Contact, DateTimeOffset CreatedAt)
{
    /// <summary>The protected header's <c>typ</c> of an enrollment request.</summary>
    public const string TokenType = "u4ssc-enrollment+jws";

    /// <summary>The longest enrollment request accepted, in characters of the compact JWS.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>The longest city name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest contact address accepted (RFC 5321's limit for an e-mail address).</summary>
    public const int MaxContactLength = 254;

    private static readonly JsonSerializerOptions PayloadOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The key id the request is signed under and the key is registered under: the key's RFC 7638 thumbprint.</summary>
    public string KeyId => PublicKey.Thumbprint();

    /// <summary>The request signed with <paramref name="key"/>, whose public half must be <see cref="PublicKey"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the request's key.</exception>
    public string Sign(CityKeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.PublicJwk.Equals(PublicKey))
        {
            throw new ArgumentException("An enrollment request is signed with the private half of the key it carries.", nameof(key));
        }

        var payload = new JsonObject
        {
            ["cityId"] = CityId,
            ["cityName"] = CityName,
            ["publicJwk"] = JsonNode.Parse(PublicKey.ToJson()),
            ["contact"] = Contact,
            ["createdAt"] = CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        return CompactJws.Sign(key.Key, CompactJws.EncodeHeader(KeyId, TokenType), JsonSerializer.SerializeToUtf8Bytes(payload, PayloadOptions));
    }

    /// <summary>
    /// Reads and checks a signed request: the envelope, a header of exactly <c>alg</c> ES256, <c>kid</c> (the thumbprint
    /// of the payload's key) and <c>typ</c> <see cref="TokenType"/>, every payload member, and the signature with the
    /// payload's own key. Every problem found is reported, each with the field it concerns.
    /// </summary>
    public static EnrollmentReading Read(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var problems = new List<EnrollmentProblem>();
        if (jws.Length > MaxLength)
        {
            return EnrollmentReading.Refuse([new("jws", $"The request is longer than {MaxLength:N0} characters; a genuine one is well under 1,000.")]);
        }

        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return EnrollmentReading.Refuse([new("jws", "Not a compact JWS: it must be three base64url parts separated by dots.")]);
        }

        var header = ReadObject(parts[0], "header", problems);
        var payload = ReadObject(parts[1], "payload", problems);
        var signature = CompactJws.Decode(parts[2]);
        if (signature is null)
        {
            problems.Add(new("signature", "The signature is not unpadded base64url."));
        }

        string? kid = null;
        if (header is not null)
        {
            kid = CheckHeader(header, problems);
        }

        if (payload is null)
        {
            return EnrollmentReading.Refuse(problems);
        }

        var cityId = String(payload, "cityId", problems);
        if (cityId is not null && Snapshots.CityId.Explain(cityId) is { } why)
        {
            problems.Add(new("$.cityId", $"Not a city id: {why}."));
        }

        var cityName = String(payload, "cityName", problems)?.Trim();
        if (cityName is { Length: 0 or > MaxNameLength })
        {
            problems.Add(new("$.cityName", $"The city's name must be 1 to {MaxNameLength} characters."));
        }

        var contact = payload["contact"] is null ? null : String(payload, "contact", problems)?.Trim();
        if (contact is not null && (contact.Length > MaxContactLength || !contact.Contains('@', StringComparison.Ordinal) || contact.Any(char.IsWhiteSpace)))
        {
            problems.Add(new("$.contact", $"Not an e-mail address (at most {MaxContactLength} characters, with an @ and no spaces)."));
        }

        var createdText = String(payload, "createdAt", problems);
        var createdAt = default(DateTimeOffset);
        if (createdText is not null && !TryParseInstant(createdText, out createdAt))
        {
            problems.Add(new("$.createdAt", "Not an RFC 3339 date-time with an offset, e.g. 2026-11-25T10:00:00Z."));
        }

        EcPublicJwk? key = null;
        if (payload["publicJwk"] is not JsonObject jwk)
        {
            problems.Add(new("$.publicJwk", "The request must carry the city's public key as a JWK object."));
        }
        else if (!EcPublicJwk.TryParse(jwk.ToJsonString(), out key, out var keyError))
        {
            problems.Add(new("$.publicJwk", $"Not a usable city key: {keyError}."));
        }

        foreach (var member in payload.Select(m => m.Key).Except(["cityId", "cityName", "publicJwk", "contact", "createdAt"], StringComparer.Ordinal))
        {
            problems.Add(new($"$.{member}", $"'{member}' is not a member of an enrollment request."));
        }

        if (key is not null && kid is not null && kid != key.Thumbprint())
        {
            problems.Add(new("header.kid", $"The kid must be the RFC 7638 thumbprint of the request's key ({key.Thumbprint()})."));
        }
        else if (key is not null && signature is not null && !CompactJws.Verify(key, parts[0] + "." + parts[1], signature))
        {
            problems.Add(new("signature", "The signature does not verify with the request's key: the request was changed after signing, or another key signed it."));
        }

        return problems.Count > 0
            ? EnrollmentReading.Refuse(problems)
            : EnrollmentReading.Accept(new EnrollmentRequest(cityId!, cityName!, key!, contact, createdAt));
    }

    private static string? CheckHeader(JsonObject header, List<EnrollmentProblem> problems)
    {
        if (header["alg"]?.GetValueKind() != JsonValueKind.String || (string?)header["alg"] != SnapshotFormat.Algorithm)
        {
            problems.Add(new("header.alg", $"The algorithm must be {SnapshotFormat.Algorithm}."));
        }

        if (header["typ"]?.GetValueKind() != JsonValueKind.String || (string?)header["typ"] != TokenType)
        {
            problems.Add(new("header.typ", $"The type must be {TokenType}."));
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

    private static string? String(JsonObject payload, string member, List<EnrollmentProblem> problems)
    {
        if (payload[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return (string?)value;
        }

        problems.Add(new($"$.{member}", payload[member] is null ? $"'{member}' is required." : $"'{member}' must be a string."));
        return null;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        // An offset is required: "2026-11-25T10:00:00" alone would mean the reader's time zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant) && hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One thing wrong with an enrollment request.</summary>
/// <param name="Field">Where: <c>jws</c>, <c>header.alg</c>, <c>$.cityId</c>, <c>signature</c>, ...</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record EnrollmentProblem(string Field, string Message);

/// <summary>What <see cref="EnrollmentRequest.Read"/> found: the request, or every problem.</summary>
public sealed record EnrollmentReading
{
    private EnrollmentReading(EnrollmentRequest? request, IReadOnlyList<EnrollmentProblem> problems)
    {
        Request = request;
        Problems = problems;
    }

    /// <summary>The request, when it is sound and its signature verifies.</summary>
    public EnrollmentRequest? Request { get; }

    /// <summary>Every problem found; empty when <see cref="Request"/> is set.</summary>
    public IReadOnlyList<EnrollmentProblem> Problems { get; }

    internal static EnrollmentReading Accept(EnrollmentRequest request) => new(request, []);

    internal static EnrollmentReading Refuse(IReadOnlyList<EnrollmentProblem> problems) => new(null, problems);
}
