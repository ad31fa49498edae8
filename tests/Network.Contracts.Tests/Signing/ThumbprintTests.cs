using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Network.Contracts.Signing;

namespace Network.Contracts.Tests.Signing;

public sealed class ThumbprintTests
{
    // The P-256 example key of RFC 7515, Appendix A.3.
    private const string RfcKey = """{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}""";

    [Fact]
    public void Is_the_SHA256_of_the_required_members_in_lexicographic_order_without_whitespace()
    {
        // RFC 7638 §3.2: for an EC key the members are crv, kty, x, y.
        var canonical = """{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}""";
        var expected = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, EcPublicJwk.Parse(RfcKey).Thumbprint());
    }

    [Fact]
    public void Ignores_member_order_and_the_kid()
    {
        var reordered = """{"y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","kid":"a","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","kty":"EC","crv":"P-256"}""";

        Assert.Equal(EcPublicJwk.Parse(RfcKey).Thumbprint(), EcPublicJwk.Parse(reordered).Thumbprint());
    }

    [Fact]
    public void Is_stable_for_one_key_and_differs_between_keys()
    {
        using var keys = CityKeyPair.Generate();
        using var other = CityKeyPair.Generate();

        var thumbprint = keys.PublicJwk.Thumbprint();

        Assert.Equal(thumbprint, keys.PublicJwk.Thumbprint());
        Assert.Equal(thumbprint, EcPublicJwk.Parse(keys.PublicJwk.ToJson("any-kid")).Thumbprint());
        Assert.Equal(thumbprint, CityKeyPair.FromPrivateJwk(keys.ToPrivateJwk()).PublicJwk.Thumbprint());
        Assert.NotEqual(thumbprint, other.PublicJwk.Thumbprint());
        Assert.Equal(43, thumbprint.Length);
    }
}
