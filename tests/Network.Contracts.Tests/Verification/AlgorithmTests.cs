using System.Security.Cryptography;
using System.Text;
using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Verification;

public sealed class AlgorithmTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Rejects_alg_none_with_an_empty_signature()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["alg"] = "none").WithEmptySignature();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Fact]
    public async Task Rejects_HS256_signed_with_the_citys_public_key_as_the_HMAC_secret()
    {
        var publicKeyAsSecret = Encoding.UTF8.GetBytes(_network.Trondheim.Keys.PublicJwk.ToJson());
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["alg"] = "HS256").SignHs256(publicKeyAsSecret);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Fact]
    public async Task Rejects_RS256()
    {
        using var rsa = RSA.Create(2048);
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["alg"] = "RS256").SignRs256(rsa);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Theory]
    [InlineData("es256")]
    [InlineData("ES384")]
    [InlineData("ES256K")]
    [InlineData("")]
    public async Task Rejects_any_alg_but_ES256_even_when_the_signature_is_ES256(string alg)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["alg"] = alg).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Fact]
    public async Task Rejects_a_header_without_alg()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h.Remove("alg")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    [Fact]
    public async Task Rejects_alg_given_as_a_number()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["alg"] = 256).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedAlgorithm, "header.alg");
    }

    public void Dispose() => _network.Dispose();
}
