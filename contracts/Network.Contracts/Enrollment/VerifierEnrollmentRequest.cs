using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Network.Contracts.Attestations;
using Network.Contracts.Signing;

namespace Network.Contracts.Enrollment;

/// <summary>
/// A U4SSC verifier's request to join the network with its public key, so that the hub accepts the attestations it
/// signs: posted to the hub's <c>POST /api/enrollments</c> (the same door as a city's <see cref="EnrollmentRequest"/>),
/// approved or rejected by a network coordinator, who confirms the accreditation out of band (the contact address)
/// before approving. It travels as a compact JWS (ES256, <c>typ</c> <see cref="TokenType"/>) signed with the private
/// half of the key it carries, under the same rules as a city's request.
/// </summary>
/// <param name="VerifierId">The verifier id: 3 to 64 lower-case letters, digits and dashes, e.g. <c>demo-verifier</c> (<see cref="AttestationFormat.IsVerifierId"/>).</param>
/// <param name="Organisation">The verifying organisation's name as readers will see it.</param>
/// <param name="PublicKey">The verifier's public signing key.</param>
/// <param name="Contact">Whom the coordinator contacts to confirm the request (an e-mail address); optional.</param>
/// <param name="CreatedAt">When the verifier wrote the request.</param>
public sealed record VerifierEnrollmentRequest(string VerifierId, string Organisation, EcPublicJwk PublicKey, string? Contact, DateTimeOffset CreatedAt)
{
    /// <summary>The protected header's <c>typ</c> of a verifier's enrollment request.</summary>
    public const string TokenType = "u4ssc-verifier-enrollment+jws";

    /// <summary>The longest organisation name accepted.</summary>
    public const int MaxOrganisationLength = 200;

    private static readonly string[] Members = ["verifierId", "organisation", "publicJwk", "contact", "createdAt"];

    /// <summary>The key id the request is signed under and the key is registered under: the key's RFC 7638 thumbprint.</summary>
    public string KeyId => PublicKey.Thumbprint();

    /// <summary>The request signed with <paramref name="privateKey"/>, whose public half must be <see cref="PublicKey"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="privateKey"/> is not the request's key.</exception>
    public string Sign(ECDsa privateKey) =>
        EnrollmentEnvelope.Sign(privateKey, PublicKey, TokenType, new JsonObject
        {
            ["verifierId"] = VerifierId,
            ["organisation"] = Organisation,
            ["publicJwk"] = JsonNode.Parse(PublicKey.ToJson()),
            ["contact"] = Contact,
            ["createdAt"] = EnrollmentEnvelope.WriteInstant(CreatedAt),
        });

    /// <summary>
    /// Whether <paramref name="jws"/> says it is a verifier's request (its header's <c>typ</c>), read without checking
    /// anything else: the enrollment door reads it with <see cref="Read"/> then, and anything else as a city's request.
    /// </summary>
    public static bool IsNamedIn(string jws) => EnrollmentEnvelope.TypeOf(jws) == TokenType;

    /// <summary>
    /// Reads and checks a signed request: the envelope, a header of exactly <c>alg</c> ES256, <c>kid</c> (the thumbprint
    /// of the payload's key) and <c>typ</c> <see cref="TokenType"/>, every payload member, and the signature with the
    /// payload's own key. Every problem found is reported, each with the field it concerns.
    /// </summary>
    public static EnrollmentReading<VerifierEnrollmentRequest> Read(string jws)
    {
        var envelope = EnrollmentEnvelope.Open(jws, TokenType);
        if (envelope.Payload is null)
        {
            return EnrollmentReading<VerifierEnrollmentRequest>.Refuse(envelope.Problems);
        }

        var verifierId = envelope.String("verifierId");
        if (verifierId is not null && !AttestationFormat.IsVerifierId(verifierId))
        {
            envelope.Problems.Add(new("$.verifierId", "Not a verifier id: 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit, e.g. demo-verifier."));
        }

        var organisation = envelope.Name("organisation", MaxOrganisationLength, "The organisation's name");
        var contact = envelope.Contact();
        var createdAt = envelope.CreatedAt();
        var key = envelope.PublicKey("verifier");
        envelope.AllowOnly(Members, "a verifier's enrollment request");
        envelope.CheckSignature(key);

        return envelope.Problems.Count > 0
            ? EnrollmentReading<VerifierEnrollmentRequest>.Refuse(envelope.Problems)
            : EnrollmentReading<VerifierEnrollmentRequest>.Accept(new VerifierEnrollmentRequest(verifierId!, organisation!, key!, contact, createdAt));
    }
}
