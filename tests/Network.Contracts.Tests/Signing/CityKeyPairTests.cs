using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Network.Contracts.Signing;
using Network.Testing;

namespace Network.Contracts.Tests.Signing;

public sealed class CityKeyPairTests
{
    [Fact]
    public void Round_trips_through_its_private_JWK()
    {
        using var original = CityKeyPair.Generate();

        using var restored = CityKeyPair.FromPrivateJwk(original.ToPrivateJwk());

        Assert.Equal(original.KeyId, restored.KeyId);
        Assert.Equal(original.PublicJwk, restored.PublicJwk);
        Assert.Equal(
            original.Key.ExportParameters(includePrivateParameters: true).D,
            restored.Key.ExportParameters(includePrivateParameters: true).D);
    }

    [Fact]
    public void A_restored_key_signs_what_the_original_public_key_verifies()
    {
        using var original = CityKeyPair.Generate();
        using var restored = CityKeyPair.FromPrivateJwk(original.ToPrivateJwk());
        byte[] data = [1, 2, 3];

        var signature = restored.Key.SignData(data, HashAlgorithmName.SHA256);

        using var publicKey = original.PublicJwk.ToECDsa();
        Assert.True(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Writes_a_private_JWK_with_the_RFC_7518_members()
    {
        using var keys = CityKeyPair.Generate("trondheim-2020");

        var jwk = JsonNode.Parse(keys.ToPrivateJwk())!.AsObject();

        Assert.Equal(["kty", "crv", "kid", "x", "y", "d"], jwk.Select(p => p.Key));
        Assert.Equal("EC", (string?)jwk["kty"]);
        Assert.Equal("P-256", (string?)jwk["crv"]);
        Assert.Equal("trondheim-2020", (string?)jwk["kid"]);
        Assert.All(["x", "y", "d"], member => Assert.Equal(43, ((string?)jwk[member])!.Length));
    }

    [Fact]
    public void Names_a_new_key_by_its_thumbprint_unless_told_otherwise()
    {
        using var byThumbprint = CityKeyPair.Generate();
        using var named = CityKeyPair.Generate("NO-5001-2020");

        Assert.Equal(byThumbprint.PublicJwk.Thumbprint(), byThumbprint.KeyId);
        Assert.Equal("NO-5001-2020", named.KeyId);
    }

    [Fact]
    public void Refuses_a_private_JWK_on_another_curve()
    {
        using var keys = CityKeyPair.Generate();
        var jwk = JsonNode.Parse(keys.ToPrivateJwk())!.AsObject();
        jwk["crv"] = "P-384";

        Assert.Throws<FormatException>(() => CityKeyPair.FromPrivateJwk(jwk.ToJsonString()));
    }

    [Fact]
    public void Refuses_a_private_JWK_without_d()
    {
        using var keys = CityKeyPair.Generate();
        var jwk = JsonNode.Parse(keys.ToPrivateJwk())!.AsObject();
        jwk.Remove("d");

        var thrown = Assert.Throws<FormatException>(() => CityKeyPair.FromPrivateJwk(jwk.ToJsonString()));
        Assert.Contains("'d'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_private_JWK_whose_members_are_not_strings()
    {
        using var keys = CityKeyPair.Generate();
        var jwk = JsonNode.Parse(keys.ToPrivateJwk())!.AsObject();
        jwk["kid"] = 5001;

        Assert.Throws<FormatException>(() => CityKeyPair.FromPrivateJwk(jwk.ToJsonString()));
    }

    [Fact]
    public void Refuses_a_private_JWK_whose_d_belongs_to_another_key()
    {
        using var keys = CityKeyPair.Generate();
        using var other = CityKeyPair.Generate();
        var jwk = JsonNode.Parse(keys.ToPrivateJwk())!.AsObject();
        jwk["d"] = JsonNode.Parse(other.ToPrivateJwk())!["d"]!.DeepClone();

        Assert.Throws<FormatException>(() => CityKeyPair.FromPrivateJwk(jwk.ToJsonString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Refuses_text_that_is_not_a_JWK_object(string text) =>
        Assert.Throws<FormatException>(() => CityKeyPair.FromPrivateJwk(text));

    [Fact]
    public void Signs_through_a_signer_under_its_key_id()
    {
        using var trondheim = TestCity.Trondheim();

        var signer = trondheim.Keys.CreateSigner();

        Assert.Equal(trondheim.Keys.KeyId, signer.KeyId);
        Assert.Equal($$"""{"alg":"ES256","kid":"{{trondheim.Keys.KeyId}}","typ":"u4ssc-snapshot+jws"}""",
            RawJws.HeaderOf(signer.Sign(trondheim.Snapshot().Build())));
    }
}
