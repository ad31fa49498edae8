using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Ingestion;

/// <summary>POST /api/snapshots through real HTTP into the real pipeline and a real SQLite database.</summary>
public sealed class HttpDoorTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
    }

    [Fact]
    public async Task Accepts_a_signed_snapshot_with_202_and_a_receipt_and_stores_it_with_every_value()
    {
        var snapshot = _trondheim.Snapshot().Build();
        var jws = _trondheim.Keys.CreateSigner().Sign(snapshot);

        using var response = await SnapshotDoor.PostAsync(_client, jws);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/snapshots/{snapshot.SnapshotId}", response.Headers.Location?.OriginalString);
        var receipt = await SnapshotDoor.ReadJsonAsync(response);
        Assert.Equal(snapshot.SnapshotId, receipt.GetProperty("snapshotId").GetGuid());
        Assert.Equal("NO-5001", receipt.GetProperty("cityId").GetString());
        Assert.Equal(SnapshotFormat.Digest(jws), receipt.GetProperty("digest").GetString());
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());

        var stored = await _hub.QueryAsync(db => db.Snapshots.Include(s => s.Values).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(jws, stored.Jws);
        Assert.Equal(snapshot.Values.Count, stored.Values.Count);
        Assert.Equal(2.46, stored.Values.Single(v => v.KpiCode == "EN-EN-AQ-2C").Value);
    }

    [Fact]
    public async Task Serves_a_format_1_jws_with_notes_back_to_members_to_reverify_and_only_the_digest_to_the_public()
    {
        var jws = _trondheim.Snapshot().AddValue(SnapshotBuilder.Value("SC-EH-H-1C", 83.1, "years") with { Note = "From the national register." }).Sign();
        using var posted = await SnapshotDoor.PostAsync(_client, jws);
        using var member = await _hub.CreateMemberClientAsync();

        var view = await SnapshotDoor.ReadJsonAsync(await member.GetAsync(posted.Headers.Location, TestContext.Current.CancellationToken));
        var publicView = await SnapshotDoor.ReadJsonAsync(await _client.GetAsync(posted.Headers.Location, TestContext.Current.CancellationToken));

        Assert.Equal(jws, view.GetProperty("jws").GetString());
        Assert.Equal(5, view.GetProperty("valueCount").GetInt32());
        // The format-1 JWS carries the city's notes, which stay inside the network; the digest still names it.
        Assert.Equal(JsonValueKind.Null, publicView.GetProperty("jws").ValueKind);
        Assert.Equal(SnapshotFormat.Digest(jws), publicView.GetProperty("digest").GetString());
    }

    [Fact]
    public async Task The_same_snapshot_twice_is_stored_once_and_acknowledged_twice()
    {
        var jws = _trondheim.Snapshot().Sign();

        using var first = await SnapshotDoor.PostAsync(_client, jws);
        using var second = await SnapshotDoor.PostAsync(_client, jws);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.True((await SnapshotDoor.ReadJsonAsync(second)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(4, await _hub.QueryAsync(db => db.KpiValues.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_same_content_signed_again_is_a_duplicate_not_a_conflict()
    {
        var snapshot = _trondheim.Snapshot().Build();
        var signer = _trondheim.Keys.CreateSigner();

        using var first = await SnapshotDoor.PostAsync(_client, signer.Sign(snapshot));
        using var again = await SnapshotDoor.PostAsync(_client, signer.Sign(snapshot)); // ECDSA: another signature

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True((await SnapshotDoor.ReadJsonAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_same_id_with_different_content_is_a_409_conflict_and_nothing_changes()
    {
        var id = Guid.NewGuid();
        using var first = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().WithId(id).Sign());
        var changed = _trondheim.Snapshot().WithId(id).WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 9.9, "%")).Sign();

        using var conflict = await SnapshotDoor.PostAsync(_client, changed);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal([("SnapshotConflict", "$.snapshotId")], await SnapshotDoor.ReasonsAsync(conflict));
        Assert.Equal(4, await _hub.QueryAsync(db => db.KpiValues.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await _hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_correction_of_a_stored_snapshot_is_a_new_snapshot_and_the_original_stays()
    {
        var original = _trondheim.Snapshot().Build();
        using var first = await SnapshotDoor.PostAsync(_client, _trondheim.Keys.CreateSigner().Sign(original));
        var correction = _trondheim.Snapshot().CorrectionOf(original.SnapshotId)
            .WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.40, "%")).Sign();

        using var response = await SnapshotDoor.PostAsync(_client, correction);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var snapshots = await _hub.QueryAsync(db => db.Snapshots.OrderBy(s => s.Status).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([SnapshotStatus.Final, SnapshotStatus.Correction], snapshots.Select(s => s.Status).Order());
        Assert.Equal(original.SnapshotId, snapshots.Single(s => s.Status == SnapshotStatus.Correction).Supersedes);
    }

    [Fact]
    public async Task A_correction_of_an_unknown_snapshot_is_refused_with_422()
    {
        using var response = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().CorrectionOf(Guid.NewGuid()).Sign());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("SupersededSnapshotNotFound", "$.supersedes")], await SnapshotDoor.ReasonsAsync(response));
        Assert.Equal(0, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_correction_must_supersede_a_snapshot_of_the_same_period()
    {
        var original = _trondheim.Snapshot().ForPeriod(2019).Build();
        using var first = await SnapshotDoor.PostAsync(_client, _trondheim.Keys.CreateSigner().Sign(original));

        using var response = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().ForPeriod(2020).CorrectionOf(original.SnapshotId).Sign());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("SupersededSnapshotNotFound", "$.supersedes")], await SnapshotDoor.ReasonsAsync(response));
    }

    [Fact]
    public async Task A_snapshot_signed_with_another_citys_key_is_refused_with_400_and_nothing_is_stored()
    {
        var forged = _bergen.Keys.CreateSigner().Sign(_trondheim.Snapshot().Build());

        using var response = await SnapshotDoor.PostAsync(_client, forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([("KeyNotOwnedByCity", "header.kid")], await SnapshotDoor.ReasonsAsync(response));
        Assert.Equal(0, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await _hub.QueryAsync(db => db.KpiValues.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Content_errors_are_a_422_listing_every_reason_with_its_field()
    {
        var jws = _trondheim.Snapshot().WithValues(
            SnapshotBuilder.Value("EC-P-EM-1C", 101, "%"),
            SnapshotBuilder.Value("EN-EN-AQ-2C", 2.46, "tonnes"),
            SnapshotBuilder.Value("XX-NOPE-1C", 1, "%")).Sign();

        using var response = await SnapshotDoor.PostAsync(_client, jws);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            [("ValueOutOfRange", "$.values[0].value"), ("WrongUnit", "$.values[1].unit"), ("UnknownKpi", "$.values[2].kpi")],
            await SnapshotDoor.ReasonsAsync(response));
        Assert.Equal(0, await _hub.QueryAsync(db => db.KpiValues.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Garbage_is_a_400_and_leaves_an_error_record()
    {
        using var response = await SnapshotDoor.PostAsync(_client, "this is not a jws", asCity: _trondheim.CityId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("MalformedJws", "jws")], await SnapshotDoor.ReasonsAsync(response));
        var record = await _hub.QueryAsync(db => db.RejectedSubmissions.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("this is not a jws", record.Excerpt);
        Assert.Contains("MalformedJws", record.ReasonsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_application_jose_is_a_415()
    {
        using var response = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().Sign(), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_nothing_is_read_into_the_pipeline()
    {
        using var response = await SnapshotDoor.PostAsync(_client, new string('a', Network.Hub.Ingestion.SnapshotsApi.MaxBodyBytes + 1), asCity: _trondheim.CityId);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_revoked_key_can_no_longer_publish_but_what_it_signed_before_stays()
    {
        using var before = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().Sign());
        await _hub.WithServicesAsync(s => s.GetRequiredService<Network.Hub.Keys.KeyRegistry>().RevokeKeyAsync(_trondheim.Keys.KeyId, TestContext.Current.CancellationToken));

        // Revoking the key revoked the node's token too (a 401, on which a node asks for a new one): a new client, a new token.
        using var revokedToken = await SnapshotDoor.PostAsync(_client, _trondheim.Snapshot().Sign());
        Assert.Equal(HttpStatusCode.Unauthorized, revokedToken.StatusCode);
        using var renewed = _hub.CreateClient();
        using var after = await SnapshotDoor.PostAsync(renewed, _trondheim.Snapshot().Sign());

        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Equal([("KeyRevoked", "header.kid")], await SnapshotDoor.ReasonsAsync(after));
        Assert.Equal(1, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
    }
}
