using System.Text.Json.Nodes;
using Network.Contracts.Signing;

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

    /// <summary>The longest enrollment request accepted (of either kind), in characters of the compact JWS.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>The longest city name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest contact address accepted (RFC 5321's limit for an e-mail address).</summary>
    public const int MaxContactLength = 254;

    private static readonly string[] Members = ["cityId", "cityName", "publicJwk", "contact", "createdAt"];

    /// <summary>The key id the request is signed under and the key is registered under: the key's RFC 7638 thumbprint.</summary>
    public string KeyId => PublicKey.Thumbprint();

    /// <summary>The request signed with <paramref name="key"/>, whose public half must be <see cref="PublicKey"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not the request's key.</exception>
    public string Sign(CityKeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EnrollmentEnvelope.Sign(key.Key, PublicKey, TokenType, new JsonObject
        {
            ["cityId"] = CityId,
            ["cityName"] = CityName,
            ["publicJwk"] = JsonNode.Parse(PublicKey.ToJson()),
            ["contact"] = Contact,
            ["createdAt"] = EnrollmentEnvelope.WriteInstant(CreatedAt),
        });
    }

    /// <summary>
    /// Reads and checks a signed request: the envelope, a header of exactly <c>alg</c> ES256, <c>kid</c> (the thumbprint
    /// of the payload's key) and <c>typ</c> <see cref="TokenType"/>, every payload member, and the signature with the
    /// payload's own key. Every problem found is reported, each with the field it concerns.
    /// </summary>
    public static EnrollmentReading<EnrollmentRequest> Read(string jws)
    {
        var envelope = EnrollmentEnvelope.Open(jws, TokenType);
        if (envelope.Payload is null)
        {
            return EnrollmentReading<EnrollmentRequest>.Refuse(envelope.Problems);
        }

        var cityId = envelope.String("cityId");
        if (cityId is not null && Snapshots.CityId.Explain(cityId) is { } why)
        {
            envelope.Problems.Add(new("$.cityId", $"Not a city id: {why}."));
        }

        var cityName = envelope.Name("cityName", MaxNameLength, "The city's name");
        var contact = envelope.Contact();
        var createdAt = envelope.CreatedAt();
        var key = envelope.PublicKey("city");
        envelope.AllowOnly(Members, "an enrollment request");
        envelope.CheckSignature(key);

        return envelope.Problems.Count > 0
            ? EnrollmentReading<EnrollmentRequest>.Refuse(envelope.Problems)
            : EnrollmentReading<EnrollmentRequest>.Accept(new EnrollmentRequest(cityId!, cityName!, key!, contact, createdAt));
    }
}
