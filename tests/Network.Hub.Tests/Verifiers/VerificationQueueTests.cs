using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Identity;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Verifiers;

/// <summary>
/// A verifier's queue: the current snapshots of the cities it is assigned to, preliminary ones and notes included, each
/// value with the verdict that counts for it; nothing of any other city.
/// </summary>
public sealed class VerificationQueueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly HubFactory _hub = new();
    private readonly TestVerifier _verifier = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly Snapshot _preliminary;
    private readonly Snapshot _final2019;
    private HttpClient _coordinator = null!;
    private HttpClient _client = null!;

    public VerificationQueueTests()
    {
        _preliminary = _trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary)
            .WithValues(
                new KpiValue("EN-EN-AQ-2C", null, 2.31, "tCO2e per capita per year", DataQuality.AssumptionEstimated, "Trondheim kommune", "Klimaregnskap 2021", "Estimated from the 2020 inventory"),
                SnapshotBuilder.Value("EC-P-EM-1C", 1.2, "%"))
            .Build();
        _final2019 = _trondheim.Snapshot().ForPeriod(2019).Build();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
        foreach (var jws in new[] { _trondheim.Keys.CreateSigner().Sign(_preliminary), _trondheim.Keys.CreateSigner().Sign(_final2019), _bergen.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).Sign() })
        {
            Assert.NotNull((await _hub.IngestAsync(jws, Ct)).Accepted);
        }

        await _verifier.EnrollAsync(_hub, _coordinator);
        using var assigned = await _coordinator.PostAsJsonAsync("/api/verifiers/demo-verifier/assignments", new { cityId = "NO-5001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        _client = await _verifier.CreateClientAsync(_hub);
    }

    public async ValueTask DisposeAsync()
    {
        _coordinator.Dispose();
        _client.Dispose();
        _verifier.Dispose();
        _trondheim.Dispose();
        _bergen.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_verifier_reads_its_cities_current_snapshots_preliminary_figures_and_notes_included_and_no_other_city()
    {
        var queue = await QueueAsync();

        Assert.Equal(["NO-5001"], queue.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([(_preliminary.SnapshotId, 2021), (_final2019.SnapshotId, 2019)], Snapshots(queue).Select(s => (s.GetProperty("snapshotId").GetGuid(), s.GetProperty("period").GetInt32())));
        Assert.DoesNotContain(Snapshots(queue), s => s.GetProperty("cityId").GetString() != "NO-5001");
        var preliminary = Snapshots(queue)[0];
        Assert.Equal(("preliminary", true), (preliminary.GetProperty("status").GetString(), preliminary.GetProperty("waiting").GetBoolean()));
        var stored = await _hub.QueryAsync(db => Task.FromResult(db.Snapshots.Single(s => s.SnapshotId == _preliminary.SnapshotId).Digest));
        Assert.Equal(stored, preliminary.GetProperty("digest").GetString());
        var value = preliminary.GetProperty("values")[0];
        Assert.Equal(("EN-EN-AQ-2C", 2.31, "tCO2e per capita per year", "assumption-estimated", "Estimated from the 2020 inventory"),
            (value.GetProperty("kpi").GetString(), value.GetProperty("value").GetDouble(), value.GetProperty("unit").GetString(), value.GetProperty("quality").GetString(), value.GetProperty("note").GetString()));
        Assert.Equal(("Klimaregnskap 2021", JsonValueKind.Null, 0), (value.GetProperty("source").GetString(), value.GetProperty("verdict").ValueKind, value.GetProperty("openQuestions").GetInt32()));
        Assert.False(queue.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task The_verdict_that_counts_is_the_newest_and_a_snapshot_waits_while_a_value_is_unjudged_or_a_question()
    {
        await AttestAsync(_final2019, Morning, ("EN-EN-AQ-2C", VerdictOutcome.Verified), ("EC-P-EM-1C", VerdictOutcome.Question), ("EC-I-WS-3C", VerdictOutcome.Verified));
        var partly = Snapshots(await QueueAsync(period: 2019)).Single();
        Assert.True(partly.GetProperty("waiting").GetBoolean());
        Assert.Equal(["verified", "question", "verified", "none"], Outcomes(partly));

        await AttestAsync(_final2019, Morning.AddHours(1), ("EC-P-EM-1C", VerdictOutcome.Verified), ("SC-EH-H-3C", VerdictOutcome.NotVerified));
        var judged = Snapshots(await QueueAsync(period: 2019)).Single();

        Assert.False(judged.GetProperty("waiting").GetBoolean());
        Assert.Equal(["verified", "verified", "verified", "not-verified"], Outcomes(judged));
        var verdict = judged.GetProperty("values")[1].GetProperty("verdict");
        Assert.Equal(("demo-verifier", Morning.AddHours(1)), (verdict.GetProperty("verifierId").GetString(), verdict.GetProperty("issuedAt").GetDateTimeOffset()));
        Assert.True(Snapshots(await QueueAsync(period: 2021)).Single().GetProperty("waiting").GetBoolean());
    }

    [Fact]
    public async Task A_question_is_open_until_the_city_answers()
    {
        await PostAsync(ThreadAuthor.Verifier, Morning, "Which inventory does 2.46 come from?");
        await PostAsync(ThreadAuthor.Verifier, Morning.AddMinutes(5), "And which year's population?");
        Assert.Equal(2, OpenQuestions(await QueueAsync(period: 2019)));

        await PostAsync(ThreadAuthor.City, Morning.AddHours(1), "The 2019 Klimaregnskap, population on 1 January.");

        Assert.Equal(0, OpenQuestions(await QueueAsync(period: 2019)));
    }

    [Fact]
    public async Task When_the_assignment_ends_the_citys_snapshots_leave_the_queue()
    {
        using var ended = await _coordinator.DeleteAsync("/api/verifiers/demo-verifier/assignments/NO-5001", Ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var queue = await QueueAsync();

        Assert.Empty(queue.GetProperty("cities").EnumerateArray());
        Assert.Empty(Snapshots(queue));
    }

    [Fact]
    public async Task Asking_for_a_city_the_verifier_is_not_assigned_to_is_404()
    {
        using var response = await _client.GetAsync("/api/verification/queue?cityId=NO-4601", Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_with_the_verify_scope_but_no_verifier_has_no_queue()
    {
        using var client = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("hand-made", [Scopes.Verify]), Scopes.Verify);

        using var response = await client.GetAsync("/api/verification/queue", Ct);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoking_a_verifiers_key_revokes_its_clients_tokens()
    {
        using var revoked = await _coordinator.PostAsync($"/api/verifiers/demo-verifier/keys/{_verifier.Keys.PublicJwk.Thumbprint()}/revoke", null, Ct);
        using var after = await _client.GetAsync("/api/verification/queue", Ct);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<JsonElement> QueueAsync(int? period = null)
    {
        using var response = await _client.GetAsync($"/api/verification/queue{(period is null ? "" : $"?period={period}")}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestVerifier.JsonAsync(response);
    }

    private static JsonElement[] Snapshots(JsonElement queue) => [.. queue.GetProperty("snapshots").EnumerateArray()];

    // "none" for a value without a verdict.
    private static string[] Outcomes(JsonElement snapshot) =>
        [.. snapshot.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("verdict") is { ValueKind: JsonValueKind.Object } verdict ? verdict.GetProperty("outcome").GetString()! : "none")];

    private static int OpenQuestions(JsonElement queue) => Snapshots(queue).Single().GetProperty("values")[0].GetProperty("openQuestions").GetInt32();

    // The attestation door is another part's: the stored rows it would write are enough for the queue.
    private Task<int> AttestAsync(Snapshot snapshot, DateTimeOffset issuedAt, params (string Kpi, VerdictOutcome Outcome)[] verdicts) =>
        _hub.QueryAsync(async db =>
        {
            var stored = db.Snapshots.Single(s => s.SnapshotId == snapshot.SnapshotId);
            var id = Guid.NewGuid();
            var digest = "attestation-" + id.ToString("N");
            db.Attestations.Add(new AttestationRecord
            {
                AttestationId = id, VerifierId = "demo-verifier", KeyId = _verifier.Keys.PublicJwk.Thumbprint(), SnapshotId = stored.SnapshotId,
                SnapshotDigest = stored.Digest, CityId = stored.CityId, Period = stored.Period, Method = "Desk review", IssuedAt = issuedAt,
                ReceivedAt = issuedAt, Jws = "not.read.here", Digest = digest, ContentHash = digest, Door = SubmissionDoor.Http, Public = stored.Public,
                Verdicts = [.. verdicts.Select(v =>
                {
                    var value = snapshot.Values.Single(x => x.Kpi == v.Kpi);
                    return new VerdictRecord
                    {
                        AttestationId = id, SnapshotId = stored.SnapshotId, VerifierId = "demo-verifier", CityId = stored.CityId, Period = stored.Period,
                        KpiCode = value.Kpi, DataPoint = StoredDataPoint.Write(value.DataPoint), Value = value.Value, Unit = value.Unit, Outcome = v.Outcome,
                        Reason = v.Outcome == VerdictOutcome.NotVerified ? "No source document" : null,
                        IssuedAt = issuedAt, ReceivedAt = issuedAt, AttestationDigest = digest, Public = stored.Public,
                    };
                })],
            });
            return await db.SaveChangesAsync(Ct);
        });

    private Task<int> PostAsync(ThreadAuthor author, DateTimeOffset at, string text) =>
        _hub.QueryAsync(db =>
        {
            db.ThreadMessages.Add(new ThreadMessageRecord
            {
                Id = Guid.NewGuid(), CityId = "NO-5001", Period = 2019, KpiCode = "EN-EN-AQ-2C", DataPoint = StoredDataPoint.None, SnapshotId = _final2019.SnapshotId,
                VerifierId = "demo-verifier", Author = author, AuthorClientId = author == ThreadAuthor.City ? "node-NO-5001" : "verifier-demo-verifier", Text = text, PostedAt = at,
            });
            return db.SaveChangesAsync(Ct);
        });
}
