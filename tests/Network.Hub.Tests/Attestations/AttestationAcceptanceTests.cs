using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Attestations;

/// <summary>Accepted attestations through <c>POST /api/attestations</c>: what is stored, duplicates, and reading them back.</summary>
public sealed class AttestationAcceptanceTests : IAsyncLifetime
{
    private AttestationHub _h = null!;

    public async ValueTask InitializeAsync() => _h = await AttestationHub.StartAsync();

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Accepts_an_attestation_with_202_and_stores_it_with_every_verdict()
    {
        var built = _h.Attestation().EditVerdict(2, v => v with { Outcome = VerdictOutcome.NotVerified, Reason = "The source gives 28.24 %." });
        var attestation = built.Build();
        var jws = built.Sign();

        using var response = await _h.PostAsync(jws);

        var receipt = await AttestationHub.AcceptedAsync(response);
        Assert.Equal($"/api/snapshots/{_h.Snapshot.SnapshotId}/attestations", response.Headers.Location?.OriginalString);
        Assert.Equal(attestation.AttestationId, receipt.GetProperty("attestationId").GetGuid());
        Assert.Equal("nordic-verifier", receipt.GetProperty("verifierId").GetString());
        Assert.Equal(_h.Snapshot.SnapshotId, receipt.GetProperty("snapshotId").GetGuid());
        Assert.Equal("NO-5001", receipt.GetProperty("cityId").GetString());
        Assert.Equal(2020, receipt.GetProperty("period").GetInt32());
        Assert.Equal(SnapshotFormat.Digest(jws), receipt.GetProperty("digest").GetString());
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());

        var stored = await _h.Hub.QueryAsync(db => db.Attestations.Include(a => a.Verdicts).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(jws, stored.Jws);
        Assert.Equal(SnapshotFormat.Digest(jws), stored.Digest);
        Assert.Equal(SnapshotFormat.Digest(_h.SnapshotJws), stored.SnapshotDigest);
        Assert.Equal(_h.Nordic.Keys.KeyId, stored.KeyId);
        Assert.Equal(SubmissionDoor.Http, stored.Door);
        Assert.True(stored.Public);
        Assert.Equal(attestation.IssuedAt, stored.IssuedAt);
        Assert.Equal(receipt.GetProperty("receivedAt").GetDateTimeOffset(), stored.ReceivedAt);
        Assert.Equal(_h.Snapshot.Values.Count, stored.Verdicts.Count);
        var notVerified = Assert.Single(stored.Verdicts, v => v.Outcome == VerdictOutcome.NotVerified);
        Assert.Equal(("EC-I-WS-3C", "", 28.42, "%", "The source gives 28.24 %."), (notVerified.KpiCode, notVerified.DataPoint, notVerified.Value, notVerified.Unit, notVerified.Reason));
        Assert.All(stored.Verdicts, v =>
        {
            Assert.Equal(("nordic-verifier", "NO-5001", 2020, _h.Snapshot.SnapshotId), (v.VerifierId, v.CityId, v.Period, v.SnapshotId));
            Assert.Equal((stored.IssuedAt, stored.ReceivedAt, stored.Digest, true), (v.IssuedAt, v.ReceivedAt, v.AttestationDigest, v.Public));
        });
    }

    [Fact]
    public async Task Acknowledges_the_same_attestation_again_as_a_duplicate_and_stores_it_once()
    {
        var built = _h.Attestation();
        var jws = built.Sign();
        using var first = await _h.PostAsync(jws);
        var firstReceipt = await AttestationHub.AcceptedAsync(first);

        using var again = await _h.PostAsync(jws);
        using var resigned = await _h.PostAsync(built.Sign());

        var againReceipt = await AttestationHub.AcceptedAsync(again);
        var resignedReceipt = await AttestationHub.AcceptedAsync(resigned);
        Assert.True(againReceipt.GetProperty("duplicate").GetBoolean());
        Assert.True(resignedReceipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal(firstReceipt.GetProperty("receivedAt").GetDateTimeOffset(), againReceipt.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.NotEqual(firstReceipt.GetProperty("digest").GetString(), resignedReceipt.GetProperty("digest").GetString());
        Assert.Equal((1, _h.Snapshot.Values.Count), await _h.CountAsync());
    }

    [Fact]
    public async Task Keeps_every_attestation_on_a_snapshot_readable_newest_first_with_the_superseded_one_saying_by_which()
    {
        var first = _h.Attestation().IssuedAt(new DateTimeOffset(2020, 10, 1, 7, 0, 0, TimeSpan.Zero))
            .EditVerdict(3, v => v with { Outcome = VerdictOutcome.Question });
        var second = _h.Attestation().IssuedAt(new DateTimeOffset(2020, 10, 20, 7, 0, 0, TimeSpan.Zero)).WithReport(null);
        using (var r = await _h.PostAsync(first.Sign()))
        {
            await AttestationHub.AcceptedAsync(r);
        }

        var secondJws = second.Sign();
        using (var r = await _h.PostAsync(secondJws))
        {
            await AttestationHub.AcceptedAsync(r);
        }

        using var anonymous = _h.Hub.CreateClient();
        var list = await GetAttestationsAsync(anonymous, _h.Snapshot.SnapshotId);

        Assert.Equal([second.Build().AttestationId, first.Build().AttestationId], list.EnumerateArray().Select(a => a.GetProperty("attestationId").GetGuid()));
        var newest = list[0];
        var older = list[1];
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("supersededBy").ValueKind);
        Assert.Equal(second.Build().AttestationId, older.GetProperty("supersededBy").GetGuid());
        Assert.Equal(secondJws, newest.GetProperty("jws").GetString());
        Assert.Equal(SnapshotFormat.Digest(secondJws), newest.GetProperty("digest").GetString());
        Assert.Equal("Nordic Test Verifier", newest.GetProperty("verifierName").GetString());
        Assert.Equal(_h.Nordic.Keys.KeyId, newest.GetProperty("keyId").GetString());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("reportRef").ValueKind);
        Assert.Equal(_h.Snapshot.Values.Count, older.GetProperty("verdicts").GetArrayLength());
        var questioned = older.GetProperty("verdicts")[3];
        Assert.Equal(("SC-EH-H-3C", "question", 87.78, "physicians per 100,000 inhabitants"),
            (questioned.GetProperty("kpi").GetString(), questioned.GetProperty("verdict").GetString(), questioned.GetProperty("value").GetDouble(), questioned.GetProperty("unit").GetString()));
        Assert.Equal("verified", newest.GetProperty("verdicts")[3].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Keeps_the_verdicts_a_correction_does_not_change_findable_by_value()
    {
        using (var r = await _h.PostAsync(_h.Attestation().Sign()))
        {
            await AttestationHub.AcceptedAsync(r);
        }

        var changed = SnapshotBuilder.Value("EC-P-EM-1C", 1.43, "%");
        var (correction, _) = await _h.PublishAsync(_h.Trondheim.Snapshot().CorrectionOf(_h.Snapshot.SnapshotId)
            .IssuedAt(new DateTimeOffset(2020, 11, 1, 12, 0, 0, TimeSpan.Zero))
            .WithValues(_h.Snapshot.Values.Select(v => v.Kpi == changed.Kpi ? changed : v)));

        // The verdicts bind to (city, period, KPI, data point, number, unit), which is all the "current verdict" rule reads.
        var bound = await _h.Hub.QueryAsync(async db =>
        {
            var verdicts = await db.Verdicts.AsNoTracking().Where(v => v.CityId == "NO-5001" && v.Period == 2020).ToListAsync(TestContext.Current.CancellationToken);
            return correction.Values.ToDictionary(
                v => v.Kpi,
                v => verdicts.Any(x => x.KpiCode == v.Kpi && StoredDataPoint.Read(x.DataPoint) == v.DataPoint && x.Value.Equals(v.Value) && x.Unit == v.Unit));
        });
        Assert.False(bound["EC-P-EM-1C"]);
        Assert.All(bound.Where(b => b.Key != "EC-P-EM-1C"), b => Assert.True(b.Value, b.Key));
    }

    [Fact]
    public async Task Embargoes_the_attestation_of_a_preliminary_snapshot_with_it()
    {
        var (preliminary, jws) = await _h.PublishAsync(_h.Trondheim.Snapshot().ForPeriod(2019).WithStatus(SnapshotStatus.Preliminary));
        using (var r = await _h.PostAsync(_h.Nordic.Attest(preliminary, jws).Sign()))
        {
            await AttestationHub.AcceptedAsync(r);
        }

        using var anonymous = _h.Hub.CreateClient();
        using var hidden = await anonymous.GetAsync(new Uri($"/api/snapshots/{preliminary.SnapshotId}/attestations", UriKind.Relative), TestContext.Current.CancellationToken);
        await Problems.AssertProblemAsync(hidden, HttpStatusCode.NotFound);

        using var member = await _h.Hub.CreateMemberClientAsync();
        Assert.Equal(1, (await GetAttestationsAsync(member, preliminary.SnapshotId)).GetArrayLength());
        Assert.False(await _h.Hub.QueryAsync(db => db.Attestations.AnyAsync(a => a.Public, TestContext.Current.CancellationToken)));
        Assert.False(await _h.Hub.QueryAsync(db => db.Verdicts.AnyAsync(v => v.Public, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Answers_an_empty_list_for_a_snapshot_nobody_attested_and_404_for_an_unknown_one()
    {
        using var anonymous = _h.Hub.CreateClient();

        Assert.Equal(0, (await GetAttestationsAsync(anonymous, _h.Snapshot.SnapshotId)).GetArrayLength());
        using var unknown = await anonymous.GetAsync(new Uri($"/api/snapshots/{Guid.NewGuid()}/attestations", UriKind.Relative), TestContext.Current.CancellationToken);
        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> GetAttestationsAsync(HttpClient client, Guid snapshotId)
    {
        using var response = await client.GetAsync(new Uri($"/api/snapshots/{snapshotId}/attestations", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
