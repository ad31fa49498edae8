using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Tests.Verification;

/// <summary>
/// Microsoft.IdentityModel is a JOSE implementation written without knowledge of ours: what it signs we
/// must accept, and what we sign it must verify.
/// </summary>
public sealed class IndependentImplementationTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Accepts_a_snapshot_signed_by_Microsoft_IdentityModel()
    {
        var snapshot = _network.Trondheim.Snapshot().Build();
        var key = new ECDsaSecurityKey(_network.Trondheim.Keys.Key) { KeyId = _network.Trondheim.Keys.KeyId };
        var payload = Encoding.UTF8.GetString(SnapshotJson.Serialize(snapshot));

        var jws = new JsonWebTokenHandler().CreateToken(
            payload,
            new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = SnapshotFormat.TokenType });

        var result = await _network.VerifyAsync(jws);
        Refusal.AssertAccepted(result);
        Assert.Equal(snapshot with { Values = [] }, result.Verified!.Snapshot with { Values = [] });
        Assert.Equal(snapshot.Values, result.Verified.Snapshot.Values);
    }

    [Fact]
    public async Task Our_signed_snapshot_validates_with_Microsoft_IdentityModel()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        var registeredKey = new JsonWebKey(_network.Trondheim.Keys.PublicJwk.ToJson(_network.Trondheim.Keys.KeyId));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jws, Parameters(registeredKey));

        Assert.True(result.IsValid, result.Exception?.ToString());
        var token = Assert.IsType<JsonWebToken>(result.SecurityToken);
        Assert.Equal(SnapshotFormat.Algorithm, token.Alg);
        Assert.Equal(_network.Trondheim.Keys.KeyId, token.Kid);
        Assert.Equal(SnapshotFormat.TokenType, token.Typ);
        Assert.Equal("NO-5001", token.GetPayloadValue<string>("cityId"));
    }

    [Fact]
    public async Task Microsoft_IdentityModel_refuses_our_snapshot_under_another_citys_key()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        var otherKey = new JsonWebKey(_network.Bergen.Keys.PublicJwk.ToJson(_network.Trondheim.Keys.KeyId));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jws, Parameters(otherKey));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Our_signature_checks_with_the_IdentityModel_crypto_provider()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        var token = new JsonWebToken(jws);
        using var publicKey = _network.Trondheim.Keys.PublicJwk.ToECDsa();
        var key = new ECDsaSecurityKey(publicKey);
        var provider = key.CryptoProviderFactory.CreateForVerifying(key, SecurityAlgorithms.EcdsaSha256);

        try
        {
            var input = Encoding.ASCII.GetBytes(token.EncodedHeader + "." + token.EncodedPayload);
            var signature = Base64UrlEncoder.DecodeBytes(token.EncodedSignature);

            Assert.Equal(64, signature.Length);
            Assert.True(provider.Verify(input, signature));
            signature[0] ^= 1;
            Assert.False(provider.Verify(input, signature));
        }
        finally
        {
            key.CryptoProviderFactory.ReleaseSignatureProvider(provider);
        }
    }

    [Fact]
    public void Our_public_key_thumbprint_matches_IdentityModels()
    {
        var jwk = new JsonWebKey(_network.Trondheim.Keys.PublicJwk.ToJson());

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), _network.Trondheim.Keys.PublicJwk.Thumbprint());
        Assert.Equal(_network.Trondheim.Keys.KeyId, _network.Trondheim.Keys.PublicJwk.Thumbprint());
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidTypes = [SnapshotFormat.TokenType],
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        TryAllIssuerSigningKeys = false,
    };

    public void Dispose() => _network.Dispose();
}
