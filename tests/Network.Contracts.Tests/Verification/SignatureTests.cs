using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class SignatureTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Rejects_snapshot_signed_by_an_unregistered_key_under_a_registered_kid()
    {
        using var impostor = CityKeyPair.Generate(_network.Trondheim.Keys.KeyId);

        var jws = _network.Trondheim.Snapshot().SignWith(impostor);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public async Task Rejects_a_signature_taken_from_another_snapshot()
    {
        var signed = _network.Trondheim.Snapshot().Sign();
        var other = _network.Trondheim.Snapshot().ForPeriod(2019).Sign();

        var spliced = RawJws.WithPart(other, 2, signed.Split('.')[2]);

        Refusal.AssertOnly(await _network.VerifyAsync(spliced), RejectionReason.BadSignature, "signature");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public async Task Rejects_a_signature_that_is_not_64_bytes(int length)
    {
        var jws = _network.Trondheim.Snapshot().Jws().WithSignature(new byte[length]);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public async Task Rejects_a_DER_encoded_signature()
    {
        var unsigned = _network.Trondheim.Snapshot().Jws().WithEmptySignature();
        var der = _network.Trondheim.Keys.Key.SignData(
            Encoding.ASCII.GetBytes(unsigned[..^1]), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Refusal.AssertOnly(await _network.VerifyAsync(unsigned + Base64Url.EncodeToString(der)), RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public async Task Rejects_a_signature_of_64_zero_bytes()
    {
        var jws = _network.Trondheim.Snapshot().Jws().WithSignature(new byte[64]);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.BadSignature, "signature");
    }

    [Fact]
    public async Task Verifies_the_bytes_received_not_a_re_serialisation()
    {
        // Same snapshot, written with other whitespace and signed: valid, because what was signed is what arrived.
        var jws = _network.Trondheim.Snapshot().Jws().AppendToPayload("\n").Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    public void Dispose() => _network.Dispose();
}
