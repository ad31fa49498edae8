using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Attestations;

public sealed class AttestationKeyTests : IDisposable
{
    private readonly AttestationNetwork _network = new();

    [Fact]
    public async Task Rejects_a_kid_no_verifier_registered()
    {
        var jws = _network.Attestation().Jws().EditHeader(h => h["kid"] = "no-such-key").Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownKey, "header.kid");
    }

    [Fact]
    public async Task Rejects_a_citys_key_as_unknown_to_the_verifier_registry()
    {
        // The hub, which knows both registries, says more (KeyNotOwnedByVerifier); the contract knows verifier keys only.
        var jws = _network.Attestation().SignWith(_network.Trondheim.Keys);

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownKey, "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_signed_with_another_verifiers_key()
    {
        var jws = _network.Attestation().SignWith(_network.Other.Keys);

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyNotOwnedByVerifier, "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_naming_another_verifier_than_its_keys_owner()
    {
        var jws = _network.Attestation().ByVerifier(_network.Other.VerifierId).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyNotOwnedByVerifier, "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_signed_with_a_revoked_key()
    {
        _network.Keys.Add(_network.Nordic.Registration with { RevokedAt = AttestationNetwork.Now.AddDays(-1) });

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(_network.Attestation().Sign()), RejectionReason.KeyRevoked, "header.kid");
    }

    [Fact]
    public async Task Refuses_a_key_from_the_moment_the_hubs_clock_passes_its_revocation()
    {
        _network.Keys.Add(_network.Nordic.Registration with { RevokedAt = AttestationNetwork.Now.AddSeconds(1) });
        var jws = _network.Attestation().Sign();

        AttestationRefusal.AssertAccepted(await _network.VerifyAsync(jws));
        _network.Clock.Advance(TimeSpan.FromSeconds(1));
        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyRevoked, "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_issued_before_its_key_was_valid()
    {
        _network.Keys.Add(_network.Nordic.Registration with { ValidFrom = AttestationNetwork.Now.AddDays(-1) });
        var jws = _network.Attestation().IssuedAt(AttestationNetwork.Now.AddDays(-2)).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyNotValid, "header.kid");
    }

    [Fact]
    public async Task Rejects_an_attestation_issued_after_its_key_expired()
    {
        _network.Keys.Add(_network.Nordic.Registration with { ValidUntil = AttestationNetwork.Now.AddHours(-2) });

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(_network.Attestation().Sign()), RejectionReason.KeyNotValid, "header.kid");
    }

    [Fact]
    public async Task Accepts_an_attestation_signed_before_its_key_expired_and_delivered_after()
    {
        _network.Keys.Add(_network.Nordic.Registration with { ValidUntil = AttestationNetwork.Now });
        var jws = _network.Attestation().Sign();
        _network.Clock.Advance(TimeSpan.FromDays(3));

        AttestationRefusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_an_attestation_issued_in_the_future()
    {
        var jws = _network.Attestation().IssuedAt(AttestationNetwork.Now.AddMinutes(6)).Sign();

        AttestationRefusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.IssuedInFuture, "$.issuedAt");
    }

    public void Dispose() => _network.Dispose();
}
