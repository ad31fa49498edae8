using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class RoundTripTests
{
    [Fact]
    public async Task A_snapshot_signed_with_the_citys_registered_key_verifies_and_round_trips()
    {
        using var trondheim = TestCity.Trondheim();
        var snapshot = trondheim.Snapshot().Build();
        var jws = trondheim.Keys.CreateSigner().Sign(snapshot);
        var verifier = new SnapshotVerifier(new InMemoryKeyDirectory(trondheim.Registration), KpiCatalogue.Default, TimeProvider.System);

        var result = await verifier.VerifyAsync(jws, TestContext.Current.CancellationToken);

        Assert.Empty(result.Rejections);
        Assert.True(result.IsValid);
        Assert.Equal(snapshot with { Values = [] }, result.Verified!.Snapshot with { Values = [] });
        Assert.Equal(snapshot.Values, result.Verified.Snapshot.Values);
        Assert.Equal(trondheim.Keys.KeyId, result.Verified.KeyId);
        Assert.Equal(jws, result.Verified.Jws);
    }
}
