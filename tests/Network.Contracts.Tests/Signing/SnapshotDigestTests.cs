using System.Security.Cryptography;
using System.Text;
using Network.Contracts.Snapshots;
using Network.Contracts.Tests.Verification;

namespace Network.Contracts.Tests.Signing;

public sealed class SnapshotDigestTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public void Is_the_unpadded_base64url_SHA256_of_the_ASCII_JWS()
    {
        var jws = _network.Trondheim.Snapshot().Sign();
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(jws)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, SnapshotFormat.Digest(jws));
        Assert.Equal(43, expected.Length);
    }

    [Fact]
    public void Names_one_exact_JWS()
    {
        var snapshot = _network.Trondheim.Snapshot().Build();
        var signer = _network.Trondheim.Keys.CreateSigner();

        // ECDSA signatures are randomised: the same snapshot signed twice is two JWS with two digests.
        Assert.NotEqual(SnapshotFormat.Digest(signer.Sign(snapshot)), SnapshotFormat.Digest(signer.Sign(snapshot)));
    }

    [Fact]
    public async Task Is_what_the_verifier_reports_for_an_accepted_snapshot()
    {
        var jws = _network.Trondheim.Snapshot().Sign();

        var result = await _network.VerifyAsync(jws);

        Assert.Equal(SnapshotFormat.Digest(jws), result.Verified!.Digest);
    }

    public void Dispose() => _network.Dispose();
}
