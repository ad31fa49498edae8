using System.Net.Http.Json;
using System.Text.Json;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Enrollment;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;
using Network.Testing.Hub;

namespace Network.Node.Tests.Delivery;

/// <summary>A new node joins through enrollment: init, enroll, the coordinator approves, credentials, publish over HTTP.</summary>
public sealed class EnrollmentFlowTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly HubFactory _hub = new();
    private HttpClient _client = null!;
    private NodeWorkspace _node = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        _node = await NodeSetup.TrondheimAsync(_directory.File("node"), hub =>
        {
            hub.Transport = HubTransport.Http;
            hub.Url = _client.BaseAddress!;
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task An_enrolled_and_approved_node_delivers_and_its_snapshot_is_accepted()
    {
        var outcome = await new EnrollmentClient(_client).SendAsync(_node.Settings.Hub.Url, _node.EnrollmentRequestFor("analyst@trondheim.kommune.no"), Ct);
        Assert.True(outcome.Received, outcome.Failure);

        using var coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        using var approved = await coordinator.PostAsync($"/api/enrollments/{outcome.EnrollmentId}/approve", null, Ct);
        var approval = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        _node.SetCredentials(approval.GetProperty("clientId").GetString()!, approval.GetProperty("clientSecret").GetString()!);

        await _node.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, SnapshotStatus.Final, ct: Ct);
        await _node.PublishAsync(ct: Ct);
        await using var hub = _node.ConnectToHub(http: _client);
        var report = await _node.CourierFor(hub).DeliverDueAsync(ignoreSchedule: true, null, Ct);

        Assert.Equal((1, (string?)null), (report.Delivered, report.Failure));
        Assert.Equal(SnapshotState.Accepted, Assert.Single(await _node.Store.ListAsync(ct: Ct)).State);
    }

    [Fact]
    public async Task A_request_the_hub_holds_already_is_answered_with_the_same_id()
    {
        var client = new EnrollmentClient(_client);

        var first = await client.SendAsync(_node.Settings.Hub.Url, _node.EnrollmentRequestFor(null), Ct);
        var again = await client.SendAsync(_node.Settings.Hub.Url, _node.EnrollmentRequestFor(null), Ct);

        Assert.Equal(first.EnrollmentId, again.EnrollmentId);
        Assert.True(again.Duplicate);
    }

    [Fact]
    public async Task A_request_the_hub_refuses_lists_every_problem()
    {
        var outcome = await new EnrollmentClient(_client).SendAsync(_node.Settings.Hub.Url, "not.a.request", Ct);

        Assert.False(outcome.Received);
        Assert.Contains("the hub answered 400", outcome.Failure, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Problems);
    }
}
