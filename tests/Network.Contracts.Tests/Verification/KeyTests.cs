using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Verification;

public sealed class KeyTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Rejects_a_header_without_kid()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h.Remove("kid")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingKeyId, "header.kid");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Rejects_an_empty_kid(string kid)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["kid"] = kid).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingKeyId, "header.kid");
    }

    [Fact]
    public async Task Rejects_a_kid_that_is_not_a_string()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["kid"] = 5001).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MissingKeyId, "header.kid");
    }

    [Fact]
    public async Task Rejects_a_kid_nobody_registered()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["kid"] = "no-such-key").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnknownKey, "header.kid");
    }

    [Fact]
    public async Task Rejects_snapshot_signed_with_another_citys_key()
    {
        var jws = _network.Trondheim.Snapshot().SignWith(_network.Bergen.Keys);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyNotOwnedByCity, "header.kid");
    }

    [Fact]
    public async Task Accepts_the_other_city_signing_its_own_snapshot()
    {
        var jws = _network.Bergen.Snapshot().Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Rejects_snapshot_signed_with_a_revoked_key()
    {
        _network.Keys.Add(_network.Trondheim.Registration with { RevokedAt = TestNetwork.Now.AddDays(-1) });

        Refusal.AssertOnly(await _network.VerifyAsync(_network.Trondheim.Snapshot().Sign()), RejectionReason.KeyRevoked, "header.kid");
    }

    [Fact]
    public async Task Refuses_a_key_from_the_moment_it_is_revoked()
    {
        _network.Keys.Add(_network.Trondheim.Registration with { RevokedAt = TestNetwork.Now.AddSeconds(1) });
        var jws = _network.Trondheim.Snapshot().Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
        _network.Clock.Advance(TimeSpan.FromSeconds(1));
        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyRevoked, "header.kid");
    }

    [Fact]
    public async Task Rejects_snapshot_signed_with_a_key_not_yet_valid()
    {
        _network.Keys.Add(_network.Trondheim.Registration with { ValidFrom = TestNetwork.Now.AddDays(1) });

        Refusal.AssertOnly(await _network.VerifyAsync(_network.Trondheim.Snapshot().Sign()), RejectionReason.KeyNotValid, "header.kid");
    }

    [Fact]
    public async Task Accepts_a_key_from_the_first_instant_of_its_validity()
    {
        _network.Keys.Add(_network.Trondheim.Registration with { ValidFrom = TestNetwork.Now });

        Refusal.AssertAccepted(await _network.VerifyAsync(_network.Trondheim.Snapshot().IssuedAt(TestNetwork.Now).Sign()));
    }

    [Fact]
    public async Task Rejects_snapshot_signed_after_its_key_expired()
    {
        _network.Keys.Add(_network.Trondheim.Registration with { ValidUntil = TestNetwork.Now.AddHours(-1) });
        var jws = _network.Trondheim.Snapshot().IssuedAt(TestNetwork.Now.AddMinutes(-1)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.KeyNotValid, "header.kid");
    }

    [Fact]
    public async Task Accepts_snapshot_signed_before_its_key_expired_and_delivered_after()
    {
        // An outbox retrying through a broker outage must not turn a good snapshot into a refusal.
        _network.Keys.Add(_network.Trondheim.Registration with { ValidUntil = TestNetwork.Now.AddHours(1) });
        var jws = _network.Trondheim.Snapshot().IssuedAt(TestNetwork.Now.AddMinutes(-1)).Sign();
        _network.Clock.Advance(TimeSpan.FromDays(3));

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Fact]
    public async Task Reports_revocation_rather_than_expiry_for_a_key_that_is_both()
    {
        _network.Keys.Add(_network.Trondheim.Registration with
        {
            ValidUntil = TestNetwork.Now.AddDays(-2),
            RevokedAt = TestNetwork.Now.AddDays(-3),
        });

        Refusal.AssertOnly(await _network.VerifyAsync(_network.Trondheim.Snapshot().Sign()), RejectionReason.KeyRevoked, "header.kid");
    }

    [Fact]
    public async Task Reports_both_a_foreign_key_and_its_revocation()
    {
        _network.Keys.Add(_network.Bergen.Registration with { RevokedAt = TestNetwork.Now.AddDays(-1) });
        var jws = _network.Trondheim.Snapshot().SignWith(_network.Bergen.Keys);

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.KeyNotOwnedByCity, "header.kid"),
            (RejectionReason.KeyRevoked, "header.kid"));
    }

    public void Dispose() => _network.Dispose();
}
