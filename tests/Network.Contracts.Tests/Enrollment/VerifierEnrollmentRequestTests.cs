using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Testing;

namespace Network.Contracts.Tests.Enrollment;

public sealed class VerifierEnrollmentRequestTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
    private readonly CityKeyPair _key = CityKeyPair.Generate();

    public void Dispose() => _key.Dispose();

    private VerifierEnrollmentRequest Demo(string? contact = "verification@example.org") =>
        new("demo-verifier", "Demo Verifier (not an accredited U4SSC verifier)", _key.PublicJwk, contact, Created);

    [Fact]
    public void A_signed_request_reads_back_as_it_was_written()
    {
        var reading = VerifierEnrollmentRequest.Read(Demo().Sign(_key.Key));

        Assert.Empty(reading.Problems);
        Assert.Equal(Demo(), reading.Request);
        Assert.Equal(_key.PublicJwk.Thumbprint(), reading.Request!.KeyId);
    }

    [Fact]
    public void The_header_is_es256_with_the_keys_thumbprint_and_the_verifier_enrollment_type()
    {
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Demo().Sign(_key.Key).Split('.')[0]));

        Assert.Equal($$"""{"alg":"ES256","kid":"{{_key.PublicJwk.Thumbprint()}}","typ":"u4ssc-verifier-enrollment+jws"}""", header);
    }

    [Fact]
    public void The_payload_has_the_documented_members()
    {
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(Demo().Sign(_key.Key).Split('.')[1]))!.AsObject();

        Assert.Equal(["verifierId", "organisation", "publicJwk", "contact", "createdAt"], payload.Select(m => m.Key));
        Assert.Equal("2026-12-07T09:30:00Z", (string?)payload["createdAt"]);
        Assert.Equal(_key.PublicJwk, EcPublicJwk.Parse(payload["publicJwk"]!.ToJsonString()));
    }

    [Fact]
    public void A_request_without_contact_is_valid()
    {
        Assert.Null(VerifierEnrollmentRequest.Read(Demo(contact: null).Sign(_key.Key)).Request!.Contact);
    }

    [Fact]
    public void The_door_tells_a_verifiers_request_from_a_citys_by_its_type()
    {
        var city = new EnrollmentRequest("NO-5001", "Trondheim", _key.PublicJwk, null, Created).Sign(_key);

        Assert.True(VerifierEnrollmentRequest.IsNamedIn(Demo().Sign(_key.Key)));
        Assert.False(VerifierEnrollmentRequest.IsNamedIn(city));
        Assert.False(VerifierEnrollmentRequest.IsNamedIn("not a jws"));
        Assert.False(VerifierEnrollmentRequest.IsNamedIn("!!!.e30.e30"));
    }

    [Fact]
    public void A_citys_request_is_not_a_verifiers_and_a_verifiers_is_not_a_citys()
    {
        var city = new EnrollmentRequest("NO-5001", "Trondheim", _key.PublicJwk, null, Created).Sign(_key);

        Assert.Contains("header.typ", Fields(city));
        Assert.Contains("header.typ", EnrollmentRequest.Read(Demo().Sign(_key.Key)).Problems.Select(p => p.Field));
    }

    [Fact]
    public void A_request_changed_after_signing_is_refused_at_the_signature()
    {
        var parts = Demo().Sign(_key.Key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["verifierId"] = "another-verifier";

        Assert.Equal(["signature"], Fields($"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}"));
    }

    [Fact]
    public void A_key_signed_by_another_key_proves_nothing_and_is_refused()
    {
        using var other = CityKeyPair.Generate();
        var parts = Demo().Sign(_key.Key).Split('.');

        Assert.Equal(["signature"], Fields(RawJws.SignParts(parts[0], parts[1], other.Key)));
    }

    [Fact]
    public void A_kid_that_is_not_the_keys_thumbprint_is_refused()
    {
        var parts = Demo().Sign(_key.Key).Split('.');
        var header = Encode("""{"alg":"ES256","kid":"demo-2027","typ":"u4ssc-verifier-enrollment+jws"}""");

        Assert.Equal(["header.kid"], Fields(RawJws.SignParts(header, parts[1], _key.Key)));
    }

    [Theory]
    [InlineData("verifierId", "\"NO-5001\"", "$.verifierId")]
    [InlineData("verifierId", "\"ab\"", "$.verifierId")]
    [InlineData("verifierId", "null", "$.verifierId")]
    [InlineData("organisation", "\" \"", "$.organisation")]
    [InlineData("organisation", "42", "$.organisation")]
    [InlineData("contact", "\"not an address\"", "$.contact")]
    [InlineData("createdAt", "\"2026-12-07\"", "$.createdAt")]
    [InlineData("publicJwk", "{\"kty\":\"RSA\"}", "$.publicJwk")]
    [InlineData("cityId", "\"NO-5001\"", "$.cityId")]
    public void Every_bad_member_is_named(string member, string json, string field)
    {
        var parts = Demo().Sign(_key.Key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload[member] = JsonNode.Parse(json);

        Assert.Equal([field], Fields(RawJws.SignParts(parts[0], Encode(payload.ToJsonString()), _key.Key)));
    }

    [Fact]
    public void An_organisation_name_longer_than_200_characters_is_refused()
    {
        var request = Demo() with { Organisation = new string('V', 201) };

        Assert.Equal(["$.organisation"], Fields(request.Sign(_key.Key)));
    }

    [Fact]
    public void Signing_with_a_key_other_than_the_one_carried_is_a_programming_error()
    {
        using var other = CityKeyPair.Generate();

        Assert.Throws<ArgumentException>(() => Demo().Sign(other.Key));
    }

    private static string[] Fields(string jws)
    {
        var reading = VerifierEnrollmentRequest.Read(jws);
        Assert.Null(reading.Request);
        return reading.Problems.Select(p => p.Field).ToArray();
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
