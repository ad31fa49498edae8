using Microsoft.Extensions.Time.Testing;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Testing;

namespace Network.Contracts.Tests.Attestations;

/// <summary>
/// What the attestation verifier sees: Trondheim with a signed snapshot, two verifiers with registered keys, and a clock
/// stopped a little after the builder's default issue time (1 October 2020, 07:00 UTC).
/// </summary>
internal sealed class AttestationNetwork : IDisposable
{
    public static readonly DateTimeOffset Now = new(2020, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public AttestationNetwork()
    {
        Keys = new VerifierKeys(Nordic.Registration, Other.Registration);
        Verifier = new AttestationVerifier(Keys, Clock);
        var snapshot = Trondheim.Snapshot().Build();
        SnapshotJws = Trondheim.Keys.CreateSigner().Sign(snapshot);
        Snapshot = snapshot;
    }

    public TestCity Trondheim { get; } = TestCity.Trondheim();

    public TestVerifier Nordic { get; } = TestVerifier.Nordic();

    public TestVerifier Other { get; } = TestVerifier.Other();

    public Snapshot Snapshot { get; }

    public string SnapshotJws { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public VerifierKeys Keys { get; }

    public AttestationVerifier Verifier { get; }

    /// <summary>An attestation of Trondheim's snapshot by the Nordic verifier, every value verified.</summary>
    public AttestationBuilder Attestation() => Nordic.Attest(Snapshot, SnapshotJws);

    public ValueTask<AttestationVerification> VerifyAsync(string jws) => Verifier.VerifyAsync(jws, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Verifier.Dispose();
        Trondheim.Dispose();
        Nordic.Dispose();
        Other.Dispose();
    }

    /// <summary>A verifier key registry in memory; a later registration of a kid replaces the earlier one.</summary>
    internal sealed class VerifierKeys(params RegisteredVerifierKey[] keys) : IVerifierKeyDirectory
    {
        private readonly Dictionary<string, RegisteredVerifierKey> _keys = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);

        public void Add(RegisteredVerifierKey key) => _keys[key.KeyId] = key;

        public ValueTask<RegisteredVerifierKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_keys.GetValueOrDefault(keyId));
    }
}
