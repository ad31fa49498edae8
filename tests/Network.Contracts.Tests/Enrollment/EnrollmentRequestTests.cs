using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Testing;

namespace Network.Contracts.Tests.Enrollment;

public sealed class EnrollmentRequestTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly CityKeyPair _key = CityKeyPair.Generate();

    public void Dispose() => _key.Dispose();

    private EnrollmentRequest Trondheim(string? contact = "analyst@trondheim.kommune.no") =>
        new("NO-5001", "Trondheim", _key.PublicJwk, contact, Created);

    [Fact]
    public void A_signed_request_reads_back_as_it_was_written()
    {
        var jws = Trondheim().Sign(_key);

        var reading = EnrollmentRequest.Read(jws);

        Assert.Empty(reading.Problems);
        Assert.Equal(Trondheim(), reading.Request);
        Assert.Equal(_key.KeyId, reading.Request!.KeyId);
    }

    [Fact]
    public void The_header_is_es256_with_the_keys_thumbprint_and_the_enrollment_type()
    {
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Trondheim().Sign(_key).Split('.')[0]));

        Assert.Equal($$"""{"alg":"ES256","kid":"{{_key.PublicJwk.Thumbprint()}}","typ":"u4ssc-enrollment+jws"}""", header);
    }

    [Fact]
    public void The_payload_has_the_documented_members()
    {
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(Trondheim().Sign(_key).Split('.')[1]))!.AsObject();

        Assert.Equal(["cityId", "cityName", "publicJwk", "contact", "createdAt"], payload.Select(m => m.Key));
        Assert.Equal("2026-11-25T10:00:00Z", (string?)payload["createdAt"]);
        Assert.Equal(_key.PublicJwk, EcPublicJwk.Parse(payload["publicJwk"]!.ToJsonString()));
    }

    [Fact]
    public void A_request_without_contact_is_valid()
    {
        var reading = EnrollmentRequest.Read(Trondheim(contact: null).Sign(_key));

        Assert.Null(reading.Request!.Contact);
    }

    [Fact]
    public void A_request_changed_after_signing_is_refused_at_the_signature()
    {
        var parts = Trondheim().Sign(_key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["cityId"] = "NO-4601";
        var changed = $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";

        Assert.Equal(["signature"], Fields(changed));
    }

    [Fact]
    public void A_key_signed_by_another_key_proves_nothing_and_is_refused()
    {
        using var other = CityKeyPair.Generate();
        var parts = Trondheim().Sign(_key).Split('.');

        var resigned = RawJws.SignParts(parts[0], parts[1], other.Key);

        Assert.Equal(["signature"], Fields(resigned));
    }

    [Fact]
    public void A_kid_that_is_not_the_keys_thumbprint_is_refused()
    {
        var parts = Trondheim().Sign(_key).Split('.');
        var header = Encode("""{"alg":"ES256","kid":"trondheim-2027","typ":"u4ssc-enrollment+jws"}""");

        Assert.Equal(["header.kid"], Fields(RawJws.SignParts(header, parts[1], _key.Key)));
    }

    [Theory]
    [InlineData("""{"alg":"HS256","kid":"K","typ":"u4ssc-enrollment+jws"}""", "header.alg")]
    [InlineData("""{"alg":"ES256","kid":"K","typ":"u4ssc-snapshot+jws"}""", "header.typ")]
    [InlineData("""{"alg":"ES256","kid":"K","typ":"u4ssc-enrollment+jws","jwk":{}}""", "header.jwk")]
    public void A_header_other_than_es256_enrollment_is_refused_naming_the_member(string header, string field)
    {
        var parts = Trondheim().Sign(_key).Split('.');
        var json = header.Replace("\"K\"", $"\"{_key.KeyId}\"", StringComparison.Ordinal);

        Assert.Contains(field, Fields(RawJws.SignParts(Encode(json), parts[1], _key.Key)));
    }

    [Fact]
    public void A_snapshot_is_not_an_enrollment_request()
    {
        using var city = new TestCity("NO-5001", "Trondheim");

        Assert.Contains("header.typ", Fields(city.Snapshot().Sign()));
    }

    [Theory]
    [InlineData("cityId", "\"Trondheim\"", "$.cityId")]
    [InlineData("cityId", "null", "$.cityId")]
    [InlineData("cityName", "\"\"", "$.cityName")]
    [InlineData("contact", "\"not an address\"", "$.contact")]
    [InlineData("createdAt", "\"2026-11-25T10:00:00\"", "$.createdAt")]
    [InlineData("publicJwk", "\"a key\"", "$.publicJwk")]
    [InlineData("role", "\"coordinator\"", "$.role")]
    public void Every_bad_member_is_named(string member, string json, string field)
    {
        var parts = Trondheim().Sign(_key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload[member] = JsonNode.Parse(json);

        Assert.Equal([field], Fields(RawJws.SignParts(parts[0], Encode(payload.ToJsonString()), _key.Key)));
    }

    [Fact]
    public void A_private_key_in_the_request_is_refused_as_leaked()
    {
        var parts = Trondheim().Sign(_key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["publicJwk"] = JsonNode.Parse(_key.ToPrivateJwk());

        var reading = EnrollmentRequest.Read(RawJws.SignParts(parts[0], Encode(payload.ToJsonString()), _key.Key));

        Assert.Contains(reading.Problems, p => p.Field == "$.publicJwk" && p.Message.Contains("leaked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a jws")]
    [InlineData("a.b")]
    [InlineData("")]
    public void Garbage_is_refused_at_the_envelope(string jws)
    {
        Assert.Equal(["jws"], Fields(jws));
    }

    [Fact]
    public void Signing_with_a_key_other_than_the_one_carried_is_a_programming_error()
    {
        using var other = CityKeyPair.Generate();

        Assert.Throws<ArgumentException>(() => Trondheim().Sign(other));
    }

    private static string[] Fields(string jws)
    {
        var reading = EnrollmentRequest.Read(jws);
        Assert.Null(reading.Request);
        return reading.Problems.Select(p => p.Field).ToArray();
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
