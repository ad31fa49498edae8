using System.Net;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Attestations;

/// <summary>
/// Every class of attestation refusal through <c>POST /api/attestations</c>, with real signatures and a real database:
/// each names its reason and field, and nothing of the attestation is stored (only the error record).
/// </summary>
public sealed class AttestationRefusalTests : IAsyncLifetime
{
    private AttestationHub _h = null!;

    public async ValueTask InitializeAsync() => _h = await AttestationHub.StartAsync();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Refuses_text_that_is_no_JWS() =>
        await _h.AssertRefusedAsync("not-a-jws", HttpStatusCode.BadRequest, ("MalformedJws", "jws"));

    [Fact]
    public async Task Refuses_a_citys_snapshot_type_at_the_attestation_door()
    {
        var jws = _h.Attestation().Jws().EditHeader(h => h["typ"] = SnapshotFormat.TokenType).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("WrongTokenType", "header.typ"));
    }

    [Fact]
    public async Task Refuses_a_payload_member_the_format_does_not_define()
    {
        var jws = _h.Attestation().Jws().EditVerdict(0, v => v["note"] = "members only").Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("UnknownField", "$.verdicts[0].note"));
    }

    [Fact]
    public async Task Refuses_a_not_verified_verdict_without_a_reason()
    {
        var jws = _h.Attestation().EditVerdict(1, v => v with { Outcome = VerdictOutcome.NotVerified }).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("MissingField", "$.verdicts[1].reason"));
    }

    [Fact]
    public async Task Refuses_two_verdicts_on_one_value()
    {
        var jws = _h.Attestation().AddVerdict(AttestationBuilder.On(_h.Snapshot.Values[0], VerdictOutcome.Question)).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("DuplicateKpi", $"$.verdicts[{_h.Snapshot.Values.Count}].kpi"));
    }

    [Fact]
    public async Task Refuses_an_attestation_without_verdicts()
    {
        var jws = _h.Attestation().WithVerdicts().Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("NoValues", "$.verdicts"));
    }

    [Fact]
    public async Task Refuses_an_attestation_issued_in_the_future()
    {
        var jws = _h.Attestation().IssuedAt(DateTimeOffset.UtcNow.AddHours(1)).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("IssuedInFuture", "$.issuedAt"));
    }

    [Fact]
    public async Task Refuses_a_key_nobody_registered()
    {
        using var stranger = TestVerifier.Nordic();

        await _h.AssertRefusedAsync(_h.Attestation().SignWith(stranger.Keys), HttpStatusCode.BadRequest, ("UnknownKey", "header.kid"));
    }

    [Fact]
    public async Task Refuses_an_attestation_signed_with_a_citys_key_as_not_a_verifiers_key()
    {
        var problem = await _h.AssertRefusedAsync(_h.Attestation().SignWith(_h.Trondheim.Keys), HttpStatusCode.BadRequest, ("KeyNotOwnedByVerifier", "header.kid"));

        Assert.Contains("NO-5001", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_attestation_signed_with_another_verifiers_key() =>
        await _h.AssertRefusedAsync(_h.Attestation().SignWith(_h.Other.Keys), HttpStatusCode.BadRequest, ("KeyNotOwnedByVerifier", "header.kid"));

    [Fact]
    public async Task Refuses_a_revoked_key()
    {
        await _h.Hub.UpdateVerifierKeyAsync(_h.Nordic, k => k.RevokedAt = DateTimeOffset.UtcNow.AddMinutes(-1));

        await _h.AssertRefusedAsync(_h.Attestation().Sign(), HttpStatusCode.BadRequest, ("KeyRevoked", "header.kid"));
    }

    [Fact]
    public async Task Refuses_an_attestation_signed_outside_its_keys_validity()
    {
        await _h.Hub.UpdateVerifierKeyAsync(_h.Nordic, k => k.ValidFrom = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await _h.AssertRefusedAsync(_h.Attestation().Sign(), HttpStatusCode.BadRequest, ("KeyNotValid", "header.kid"));
    }

    [Fact]
    public async Task Refuses_an_attestation_changed_after_signing()
    {
        var parts = _h.Attestation().Sign().Split('.');
        var changed = _h.Attestation().EditVerdict(0, v => v with { Outcome = VerdictOutcome.Question }).Sign().Split('.');

        await _h.AssertRefusedAsync($"{parts[0]}.{changed[1]}.{parts[2]}", HttpStatusCode.BadRequest, ("BadSignature", "signature"));
    }

    [Fact]
    public async Task Refuses_a_verifier_not_assigned_to_the_snapshots_city()
    {
        await _h.Hub.EndAssignmentAsync(_h.Nordic.VerifierId, _h.Trondheim.CityId);

        await _h.AssertRefusedAsync(_h.Attestation().Sign(), HttpStatusCode.BadRequest, ("VerifierNotAssigned", "$.verifierId"));
    }

    [Fact]
    public async Task Refuses_a_verifier_assigned_to_another_city()
    {
        var jws = _h.Other.Attest(_h.Snapshot, _h.SnapshotJws).Sign();

        await _h.AssertRefusedAsAsync(_h.Other.VerifierId, jws, HttpStatusCode.BadRequest, ("VerifierNotAssigned", "$.verifierId"));
    }

    [Fact]
    public async Task Refuses_a_digest_of_no_stored_snapshot()
    {
        var unsent = _h.Trondheim.Snapshot().Build();
        var jws = _h.Nordic.Attest(unsent, _h.Trondheim.Keys.CreateSigner().Sign(unsent)).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("UnknownSnapshot", "$.snapshotDigest"));
    }

    [Fact]
    public async Task Refuses_an_attestation_naming_another_snapshot_than_its_digests()
    {
        var (other, _) = await _h.PublishAsync(_h.Trondheim.Snapshot().ForPeriod(2019));
        var jws = _h.Attestation().ForSnapshotId(other.SnapshotId).ForPeriod(2019).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("SnapshotMismatch", "$.snapshotId"), ("SnapshotMismatch", "$.period"));
    }

    [Fact]
    public async Task Refuses_an_attestation_naming_another_city_than_the_snapshots()
    {
        var jws = _h.Attestation().ForCity(_h.Bergen.CityId).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("SnapshotMismatch", "$.cityId"));
    }

    [Fact]
    public async Task Refuses_a_verdict_on_a_value_the_snapshot_does_not_hold()
    {
        var jws = _h.Attestation()
            .EditVerdict(1, v => v with { Value = v.Value + 0.01 })
            .AddVerdict(AttestationBuilder.On(SnapshotBuilder.Value("EC-ICT-ICT-1C", 99.5, "%", "fixed")))
            .Sign();

        await _h.AssertRefusedAsync(
            jws, HttpStatusCode.BadRequest, ("VerdictForUnknownValue", "$.verdicts[1]"), ("VerdictForUnknownValue", $"$.verdicts[{_h.Snapshot.Values.Count}]"));
    }

    [Fact]
    public async Task Refuses_a_verdict_whose_unit_differs_from_the_values()
    {
        var jws = _h.Attestation().EditVerdict(0, v => v with { Unit = "tCO2e" }).Sign();

        await _h.AssertRefusedAsync(jws, HttpStatusCode.BadRequest, ("VerdictForUnknownValue", "$.verdicts[0]"));
    }

    [Fact]
    public async Task Refuses_the_same_attestation_id_with_other_content_as_a_conflict()
    {
        var id = Guid.NewGuid();
        using (var first = await _h.PostAsync(_h.Attestation().WithId(id).Sign()))
        {
            await AttestationHub.AcceptedAsync(first);
        }

        var stored = await _h.CountAsync();
        var jws = _h.Attestation().WithId(id).EditVerdict(0, v => v with { Outcome = VerdictOutcome.Question }).Sign();
        var rejectedBefore = await _h.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken));
        using var response = await _h.PostAsync(jws);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("AttestationConflict", error.GetProperty("reason").GetString());
        Assert.Equal("$.attestationId", error.GetProperty("field").GetString());
        Assert.Equal(stored, await _h.CountAsync());
        Assert.Equal(rejectedBefore + 1, await _h.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Refuses_an_attestation_sent_with_another_verifiers_token_before_verifying_and_keeps_nothing()
    {
        var jws = _h.Attestation().Sign();

        using var response = await _h.PostAsync(jws, asVerifier: _h.Other.VerifierId);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("other-verifier", problem.GetProperty("tokenVerifier").GetString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("NotTheSendersVerifier", error.GetProperty("reason").GetString());
        Assert.Equal(86, error.GetProperty("code").GetInt32());
        Assert.Equal("$.verifierId", error.GetProperty("field").GetString());
        Assert.Equal((0, 0), await _h.CountAsync());
        Assert.Equal(0, await _h.Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Refuses_a_client_with_the_verify_scope_but_no_verifier()
    {
        using var client = await _h.Hub.CreateClientAsync(await _h.Hub.AddCoordinatorClientAsync("scoped", [Network.Hub.Identity.Scopes.Verify]));

        using var response = await AttestationHub.PostAsync(client, _h.Attestation().Sign());

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("NotTheSendersVerifier", problem.GetProperty("errors")[0].GetProperty("reason").GetString());
        Assert.Equal((0, 0), await _h.CountAsync());
    }

    [Fact]
    public async Task Refuses_a_citys_node_by_its_scope()
    {
        using var node = await _h.Hub.CreateNodeClientAsync(_h.Trondheim.CityId);

        using var response = await AttestationHub.PostAsync(node, _h.Attestation().Sign());

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal((0, 0), await _h.CountAsync());
    }

    [Fact]
    public async Task Refuses_a_body_that_is_not_application_jose()
    {
        using var client = await _h.Hub.CreateVerifierClientAsync(_h.Nordic.VerifierId);
        using var content = new StringContent(_h.Attestation().Sign(), System.Text.Encoding.ASCII, "text/plain");

        using var response = await client.PostAsync(new Uri("/api/attestations", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Refuses_a_body_over_the_limit_before_reading_it_all()
    {
        using var response = await _h.PostAsync(new string('a', Network.Hub.Ingestion.SnapshotsApi.MaxBodyBytes + 1));

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((0, 0), await _h.CountAsync());
    }
}
