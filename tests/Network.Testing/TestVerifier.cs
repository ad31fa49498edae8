using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Testing;

/// <summary>A U4SSC verifier with a freshly generated signing key, registered from the start of time.</summary>
public sealed class TestVerifier : IDisposable
{
    /// <summary>Creates a verifier with a new P-256 key.</summary>
    public TestVerifier(string verifierId, string name)
    {
        VerifierId = verifierId;
        Name = name;
        Keys = CityKeyPair.Generate();
        Registration = new RegisteredVerifierKey(Keys.KeyId, verifierId, Keys.PublicJwk, DateTimeOffset.UnixEpoch);
    }

    /// <summary>A verifier named as a test one.</summary>
    public static TestVerifier Nordic() => new("nordic-verifier", "Nordic Test Verifier");

    /// <summary>Another verifier.</summary>
    public static TestVerifier Other() => new("other-verifier", "Other Test Verifier");

    /// <summary>The verifier id.</summary>
    public string VerifierId { get; }

    /// <summary>The organisation's name.</summary>
    public string Name { get; }

    /// <summary>The verifier's key pair (a P-256 key like a city's).</summary>
    public CityKeyPair Keys { get; }

    /// <summary>The key as the hub's verifier key registry would hold it.</summary>
    public RegisteredVerifierKey Registration { get; }

    /// <summary>An attestation builder for <paramref name="snapshotJws"/>, every value verified.</summary>
    public AttestationBuilder Attest(Snapshot snapshot, string snapshotJws) => new(this, snapshot, SnapshotFormat.Digest(snapshotJws));

    /// <inheritdoc/>
    public void Dispose() => Keys.Dispose();
}
