using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Snapshots;
using Network.Hub.Ingestion;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Ingestion;

/// <summary>
/// The doors do what contracts/README.md says: the JWS is taken exactly as sent (nothing trimmed), and every answer
/// names the digest of what was sent and the receipt time as stored, at both doors.
/// </summary>
public sealed class ReceiptTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task A_JWS_with_a_trailing_newline_is_refused_as_sent_not_trimmed_and_accepted()
    {
        var sent = _trondheim.Snapshot().Sign() + "\n";

        using var response = await SnapshotDoor.PostAsync(_client, sent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SnapshotDoor.ReadJsonAsync(response);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("MalformedBase64Url", error.GetProperty("reason").GetString());
        Assert.Equal("signature", error.GetProperty("field").GetString());
        Assert.Contains("whitespace", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(SnapshotFormat.Digest(sent), problem.GetProperty("digest").GetString());
        Assert.Equal(0, await _hub.QueryAsync(db => db.Snapshots.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_duplicate_signed_again_gets_a_receipt_naming_the_digest_of_what_was_sent()
    {
        var snapshot = _trondheim.Snapshot().Build();
        var signer = _trondheim.Keys.CreateSigner();
        var first = signer.Sign(snapshot);
        var again = signer.Sign(snapshot); // ECDSA is randomised: the same content, another JWS, another digest
        Assert.NotEqual(SnapshotFormat.Digest(first), SnapshotFormat.Digest(again));

        using var firstResponse = await SnapshotDoor.PostAsync(_client, first);
        using var againResponse = await SnapshotDoor.PostAsync(_client, again);

        var receipt = await SnapshotDoor.ReadJsonAsync(againResponse);
        Assert.True(receipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal(SnapshotFormat.Digest(again), receipt.GetProperty("digest").GetString());
        // What is stored stays the first JWS.
        Assert.Equal(SnapshotFormat.Digest(first), await _hub.QueryAsync(db => db.Snapshots.Select(s => s.Digest).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_bus_door_names_the_digest_of_what_was_sent_too()
    {
        var snapshot = _trondheim.Snapshot().Build();
        var signer = _trondheim.Keys.CreateSigner();
        var first = signer.Sign(snapshot);
        var again = signer.Sign(snapshot);

        var receipts = await _hub.WithServicesAsync(services => services.GetRequiredService<SnapshotIngestion>().IngestAsync(
            [new Submission(first, SubmissionDoor.Bus, "NO-5001"), new Submission(again, SubmissionDoor.Bus, "NO-5001")],
            TestContext.Current.CancellationToken));
        var later = await _hub.WithServicesAsync(services => services.GetRequiredService<SnapshotIngestion>().IngestAsync(
            new Submission(again, SubmissionDoor.Bus, "NO-5001"), TestContext.Current.CancellationToken));

        Assert.Equal(SnapshotFormat.Digest(first), receipts[0].Accepted!.Digest);
        Assert.Equal(SnapshotFormat.Digest(again), receipts[1].Accepted!.Digest); // a duplicate within the batch
        Assert.Equal(SnapshotFormat.Digest(again), later.Accepted!.Digest); // and of the stored snapshot
        Assert.True(later.Accepted.Duplicate);
    }

    [Fact]
    public async Task The_first_receipt_reports_receivedAt_as_stored_the_same_as_a_duplicate_and_a_read()
    {
        var jws = _trondheim.Snapshot().Sign();

        using var first = await SnapshotDoor.PostAsync(_client, jws);
        using var second = await SnapshotDoor.PostAsync(_client, jws);
        using var read = await _client.GetAsync(first.Headers.Location, TestContext.Current.CancellationToken);

        var firstAt = (await SnapshotDoor.ReadJsonAsync(first)).GetProperty("receivedAt");
        var secondAt = (await SnapshotDoor.ReadJsonAsync(second)).GetProperty("receivedAt");
        var readAt = (await SnapshotDoor.ReadJsonAsync(read)).GetProperty("receivedAt");
        Assert.Equal(readAt.GetString(), firstAt.GetString());
        Assert.Equal(secondAt.GetString(), firstAt.GetString());
        Assert.Equal(0, firstAt.GetDateTimeOffset().UtcTicks % 1_000);
    }
}
