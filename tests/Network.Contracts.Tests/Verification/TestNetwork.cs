using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

/// <summary>
/// What a verifier sees of a small network: Trondheim and Bergen with registered keys, and a clock stopped
/// at <see cref="Now"/>, a little after the builder's default issue time (30 September 2020, 12:00 UTC).
/// </summary>
internal sealed class TestNetwork : IDisposable
{
    public static readonly DateTimeOffset Now = new(2020, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public TestNetwork()
    {
        Keys = new InMemoryKeyDirectory(Trondheim.Registration, Bergen.Registration);
        Verifier = new SnapshotVerifier(Keys, KpiCatalogue.Default, Clock);
    }

    public TestCity Trondheim { get; } = TestCity.Trondheim();

    public TestCity Bergen { get; } = TestCity.Bergen();

    public FakeTimeProvider Clock { get; } = new(Now);

    public InMemoryKeyDirectory Keys { get; }

    public SnapshotVerifier Verifier { get; }

    public ValueTask<VerificationResult> VerifyAsync(string jws) => Verifier.VerifyAsync(jws, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Trondheim.Dispose();
        Bergen.Dispose();
    }
}
