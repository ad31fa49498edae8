using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Network.Contracts.Signing;

namespace Network.Contracts.Tests.Signing;

public sealed class EcPublicJwkTests : IDisposable
{
    private readonly CityKeyPair _keys = CityKeyPair.Generate();

    [Theory]
    [InlineData(null)]
    [InlineData("NO-5001-2020")]
    public void Parses_what_it_writes(string? keyId)
    {
        Assert.True(EcPublicJwk.TryParse(_keys.PublicJwk.ToJson(keyId), out var parsed, out var error), error);

        Assert.Equal(_keys.PublicJwk, parsed);
        Assert.Null(error);
    }

    [Fact]
    public void Refuses_a_JWK_carrying_the_private_key_and_says_it_leaked()
    {
        Assert.False(EcPublicJwk.TryParse(_keys.ToPrivateJwk(), out var parsed, out var error));

        Assert.Null(parsed);
        Assert.Contains("leaked", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_P384_key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var q = p384.ExportParameters(includePrivateParameters: false).Q;
        var jwk = Jwk("P-384", q.X!, q.Y!);

        AssertRefused(jwk.ToJsonString(), "P-256");
    }

    [Fact]
    public void Refuses_an_RSA_key()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject { ["kty"] = "RSA", ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent) };

        AssertRefused(jwk.ToJsonString(), "P-256");
    }

    [Theory]
    [InlineData(31, 32)]
    [InlineData(33, 32)]
    [InlineData(32, 31)]
    [InlineData(32, 0)]
    public void Refuses_coordinates_that_are_not_32_bytes(int xLength, int yLength)
    {
        var x = _keys.PublicJwk.X.ToArray();
        var y = _keys.PublicJwk.Y.ToArray();
        var jwk = Jwk("P-256", Resize(x, xLength), Resize(y, yLength));

        AssertRefused(jwk.ToJsonString(), "32 bytes");
    }

    [Fact]
    public void Refuses_a_padded_coordinate()
    {
        var jwk = JsonNode.Parse(_keys.PublicJwk.ToJson())!.AsObject();
        jwk["x"] = Convert.ToBase64String(_keys.PublicJwk.X.ToArray()).Replace('+', '-').Replace('/', '_');

        AssertRefused(jwk.ToJsonString(), "32 bytes");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    public void Refuses_a_coordinate_with_whitespace(string whitespace)
    {
        var jwk = JsonNode.Parse(_keys.PublicJwk.ToJson())!.AsObject();
        var x = (string)jwk["x"]!;
        jwk["x"] = x[..20] + whitespace + x[20..];

        AssertRefused(jwk.ToJsonString(), "32 bytes");
    }

    [Fact]
    public void Refuses_a_point_not_on_the_curve()
    {
        var y = _keys.PublicJwk.Y.ToArray();
        y[^1] ^= 1;
        var jwk = Jwk("P-256", _keys.PublicJwk.X.ToArray(), y);

        AssertRefused(jwk.ToJsonString(), "not on curve P-256");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"EC\"")]
    public void Refuses_text_that_is_not_a_JWK_object(string text)
    {
        Assert.False(EcPublicJwk.TryParse(text, out var parsed, out var error));

        Assert.Null(parsed);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Parse_throws_a_FormatException_saying_why()
    {
        var thrown = Assert.Throws<FormatException>(() => EcPublicJwk.Parse(_keys.ToPrivateJwk()));

        Assert.StartsWith("Not a usable city key: this JWK contains the private key", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_another_JWK_of_the_same_point_only()
    {
        using var other = CityKeyPair.Generate();

        Assert.Equal(_keys.PublicJwk, EcPublicJwk.Parse(_keys.PublicJwk.ToJson()));
        Assert.Equal(_keys.PublicJwk.GetHashCode(), EcPublicJwk.Parse(_keys.PublicJwk.ToJson()).GetHashCode());
        Assert.NotEqual(_keys.PublicJwk, other.PublicJwk);
    }

    private static JsonObject Jwk(string curve, byte[] x, byte[] y) => new()
    {
        ["kty"] = "EC",
        ["crv"] = curve,
        ["x"] = Base64Url.EncodeToString(x),
        ["y"] = Base64Url.EncodeToString(y),
    };

    private static byte[] Resize(byte[] bytes, int length)
    {
        var resized = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(resized);
        return resized;
    }

    private static void AssertRefused(string json, string because)
    {
        Assert.False(EcPublicJwk.TryParse(json, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(because, error, StringComparison.Ordinal);
    }

    public void Dispose() => _keys.Dispose();
}
