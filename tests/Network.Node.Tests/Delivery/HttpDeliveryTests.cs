using System.Net;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;
using Network.Testing.Hub;

namespace Network.Node.Tests.Delivery;

/// <summary>Delivery over HTTP to the real hub, in memory: POST /api/snapshots, the response is the answer.</summary>
public sealed class HttpDeliveryTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly HubFactory _hub = new();
    private NodeWorkspace _node = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        _node = await NodeSetup.TrondheimAsync(_directory.File("node"), hub =>
        {
            hub.Transport = HubTransport.Http;
            hub.Url = _client.BaseAddress!;
        });
        await NodeSetup.RegisterAsync(_hub, _node);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Accepted_snapshot_is_stored_by_the_hub_and_shown_accepted()
    {
        var id = await PublishAsync();

        var report = await DeliverAsync();

        Assert.Equal((1, 1, (string?)null), (report.Due, report.Delivered, report.Failure));
        var stored = Assert.Single(await _node.Store.ListAsync(ct: Ct));
        Assert.Equal((id, SnapshotState.Accepted), (stored.SnapshotId, stored.State));
        Assert.NotNull(stored.ReceivedAt);
        Assert.Equal(5, await _hub.QueryAsync(db => db.KpiValues.CountAsync()));
        Assert.Equal(id, await _hub.QueryAsync(db => db.Snapshots.Select(s => s.SnapshotId).SingleAsync()));
    }

    [Fact]
    public async Task Refused_snapshot_is_shown_rejected_with_every_reason_of_the_problem_details()
    {
        await NodeSetup.RevokeAsync(_hub, _node.Settings.ActiveKeyId);
        await PublishAsync();

        await DeliverAsync();

        var stored = Assert.Single(await _node.Store.ListAsync(ct: Ct));
        Assert.Equal(SnapshotState.Rejected, stored.State);
        var reason = Assert.Single(stored.Reasons);
        Assert.Equal((RejectionReason.KeyRevoked, "header.kid"), (reason.Reason, reason.Field));
        Assert.Contains("was revoked", reason.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _hub.QueryAsync(db => db.Snapshots.CountAsync()));
    }

    [Fact]
    public async Task Delivering_the_same_snapshot_again_is_acknowledged_and_stored_once()
    {
        await PublishAsync();
        var entry = Assert.Single(await _node.Store.DueAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), ct: Ct));
        await using var hub = new HttpHubConnection(_client, _client.BaseAddress!, credentials: _node.Settings.Hub.Credentials);

        var first = await hub.DeliverAsync(entry, Ct);
        var second = await hub.DeliverAsync(entry, Ct);

        Assert.Equal((true, false), (first.Answer!.Accepted, first.Answer.Duplicate));
        Assert.Equal((true, true), (second.Answer!.Accepted, second.Answer.Duplicate));
        Assert.Equal(1, await _hub.QueryAsync(db => db.Snapshots.CountAsync()));
    }

    [Fact]
    public async Task Without_client_credentials_the_hub_refuses_and_the_snapshot_waits_in_the_outbox()
    {
        _node.Settings.Hub.ClientId = null;
        _node.Settings.Hub.ClientSecret = null;
        await PublishAsync();

        var report = await DeliverAsync();

        Assert.Equal(0, report.Delivered);
        Assert.Contains("the hub needs the node's client id and secret", report.Failure, StringComparison.Ordinal);
        Assert.Contains("`credentials", report.Failure, StringComparison.Ordinal);
        Assert.Equal(SnapshotState.Pending, Assert.Single(await _node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_reported_and_the_snapshot_waits_in_the_outbox()
    {
        _node.Settings.Hub.ClientSecret = "not-the-secret";
        await PublishAsync();

        var report = await DeliverAsync();

        Assert.Equal(0, report.Delivered);
        Assert.Contains($"the hub refused the client node-NO-5001: invalid_client", report.Failure, StringComparison.Ordinal);
        Assert.Equal(SnapshotState.Pending, Assert.Single(await _node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task One_token_serves_many_deliveries()
    {
        var counter = new TokenRequestCounter();
        using var client = _hub.CreateDefaultClient(counter);
        await PublishAsync();
        await _node.ImportAsync(TestValues.TrondheimCsv(_directory), 2021, SnapshotStatus.Preliminary, ct: Ct);
        await _node.PublishAsync(ct: Ct);

        await using var hub = _node.ConnectToHub(http: client);
        var report = await _node.CourierFor(hub).DeliverDueAsync(ignoreSchedule: true, null, Ct);

        Assert.Equal((2, 2), (report.Due, report.Delivered));
        Assert.Equal(1, counter.TokenRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task A_hub_error_leaves_the_snapshot_in_the_outbox_for_a_retry(HttpStatusCode status)
    {
        await PublishAsync();
        using var failing = new HttpClient(new StatusHandler(status)) { BaseAddress = _client.BaseAddress };

        var report = await _node.CourierFor(new HttpHubConnection(failing, failing.BaseAddress!)).DeliverDueAsync(false, null, Ct);

        Assert.Equal(0, report.Delivered);
        Assert.Contains($"the hub answered {(int)status}", report.Failure, StringComparison.Ordinal);
        var stored = Assert.Single(await _node.Store.ListAsync(ct: Ct));
        Assert.Equal((SnapshotState.Pending, 1), (stored.State, stored.Attempts));
    }

    [Fact]
    public async Task An_unreachable_hub_leaves_the_snapshot_in_the_outbox_for_a_retry()
    {
        await PublishAsync();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var report = await _node.CourierFor(new HttpHubConnection(client, new Uri("http://127.0.0.1:1/"))).DeliverDueAsync(false, null, Ct);

        Assert.Contains("cannot reach the hub at http://127.0.0.1:1/", report.Failure, StringComparison.Ordinal);
        Assert.Equal(SnapshotState.Pending, Assert.Single(await _node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task The_node_picks_HTTP_from_its_settings()
    {
        await using var hub = _node.ConnectToHub(http: _client);

        Assert.IsType<HttpHubConnection>(hub);
        Assert.Equal($"the hub at {_client.BaseAddress} over HTTP", hub.Description);
    }

    private async Task<Guid> PublishAsync()
    {
        var import = await _node.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, SnapshotStatus.Final, ct: Ct);
        Assert.True(import.Result.Success, string.Join('\n', import.Result.Failures));
        return Assert.Single(await _node.PublishAsync(ct: Ct)).SnapshotId!.Value;
    }

    private async Task<DeliveryReport> DeliverAsync()
    {
        await using var hub = _node.ConnectToHub(http: _client);
        var courier = _node.CourierFor(hub);
        await hub.StartAsync(courier.OnAnswerAsync, Ct);
        return await courier.DeliverDueAsync(ignoreSchedule: true, null, Ct);
    }

    private sealed class TokenRequestCounter : DelegatingHandler
    {
        public int TokenRequests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/connect/token")
            {
                TokenRequests++;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class StatusHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("""{"title":"down","detail":"maintenance"}""") });
    }
}
