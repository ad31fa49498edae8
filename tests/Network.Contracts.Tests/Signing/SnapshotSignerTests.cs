using System.Security.Cryptography;
using Network.Contracts.Signing;

namespace Network.Contracts.Tests.Signing;

public sealed class SnapshotSignerTests
{
    [Fact]
    public void Refuses_a_P384_key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new SnapshotSigner(p384, "kid"));
    }

    [Fact]
    public void Refuses_a_256_bit_key_on_another_curve()
    {
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);

        Assert.Throws<ArgumentException>(() => new SnapshotSigner(brainpool, "kid"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Refuses_an_empty_key_id(string keyId)
    {
        using var keys = CityKeyPair.Generate();

        Assert.Throws<ArgumentException>(() => new SnapshotSigner(keys.Key, keyId));
    }
}
