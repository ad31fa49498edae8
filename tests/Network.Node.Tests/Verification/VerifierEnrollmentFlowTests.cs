using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Network.Contracts.Enrollment;
using Network.Contracts.Snapshots;
using Network.Node.Cli;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Enrollment;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Verification;
using Network.Testing.Hub;

namespace Network.Node.Tests.Verification;

/// <summary>
/// A verifier joins from its own tool, against the real hub in memory: <c>verifier init</c> writes the signed request,
/// the node's enrollment client sends it (what <c>enroll</c> does), a coordinator approves it and assigns the verifier to
/// Trondheim over HTTP, <c>credentials</c> keeps the client, and the verifier fetches a verdict sheet.
/// </summary>
public sealed class VerifierEnrollmentFlowTests : IAsyncLifetime
{
    private const string VerifierId = "example-verifier";
    private readonly TempDirectory _directory = new();
    private readonly HubFactory _hub = new();
    private HttpClient _client = null!;
    private Guid _snapshotId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        var city = await NodeSetup.TrondheimAsync(_directory.File("node"), hub =>
        {
            hub.Transport = HubTransport.Http;
            hub.Url = _client.BaseAddress!;
        });
        await NodeSetup.RegisterAsync(_hub, city);
        await city.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, SnapshotStatus.Final, ct: Ct);
        await city.PublishAsync(ct: Ct);
        await using (var delivery = city.ConnectToHub(http: _client))
        {
            await city.CourierFor(delivery).DeliverDueAsync(ignoreSchedule: true, null, Ct);
        }

        _snapshotId = Assert.Single(await city.Store.ListAsync(ct: Ct)).SnapshotId!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_verifier_set_up_with_its_tool_enrolls_is_approved_and_assigned_and_fetches_a_sheet()
    {
        var tool = new NodeCommandLine(_directory.File("verifier"));
        var init = (await tool.RunAsync("verifier", "init", "--id", VerifierId, "--name", "Example Verification AS",
            "--hub-url", _client.BaseAddress!.ToString(), "--contact", "lead@verification.example")).Expect(ExitCodes.Ok);
        Assert.Contains("enroll", init.Output, StringComparison.Ordinal);

        // What init wrote is a verifier's request, signed with the workspace's key, and what `enroll` sends as it is.
        var workspace = await NodeWorkspace.OpenAsync(new DataDirectory(tool.DataDirectory), ct: Ct);
        var written = (await File.ReadAllTextAsync(workspace.Directory.EnrollmentFile, Ct)).Trim();
        var request = VerifierEnrollmentRequest.Read(written).Request;
        Assert.NotNull(request);
        Assert.Equal((VerifierId, "Example Verification AS", "lead@verification.example", workspace.Settings.ActiveKeyId),
            (request.VerifierId, request.Organisation, request.Contact, request.KeyId));
        var jws = workspace.EnrollmentRequestFor(null);
        Assert.Equal(written, jws);

        var sent = await new EnrollmentClient(_client).SendAsync(workspace.Settings.Hub.Url, jws, Ct);
        Assert.True(sent.Received, $"{sent.Failure} {string.Join("; ", sent.Problems)}");

        using var coordinator = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        using var pending = await coordinator.GetAsync("/api/enrollments?kind=verifier", Ct);
        Assert.Contains(VerifierId, await pending.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var approved = await coordinator.PostAsync($"/api/enrollments/{sent.EnrollmentId}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await approved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("verifier-" + VerifierId, approval.GetProperty("clientId").GetString());
        using var assigned = await coordinator.PostAsJsonAsync($"/api/verifiers/{VerifierId}/assignments", new { cityId = "NO-5001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);

        (await tool.RunAsync("credentials", "--client-id", approval.GetProperty("clientId").GetString()!,
            "--client-secret", approval.GetProperty("clientSecret").GetString()!)).Expect(ExitCodes.Ok);

        var verifier = await NodeWorkspace.OpenAsync(new DataDirectory(tool.DataDirectory), ct: Ct);
        using var hub = verifier.OpenHubSession(_client);
        var (sheet, failure) = await new VerifierDesk(verifier, hub).SheetAsync(_snapshotId, "csv", Ct);
        Assert.True(sheet is not null, failure);
        Assert.Contains(_snapshotId.ToString(), Encoding.UTF8.GetString(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_approval_the_verifier_has_no_client_and_the_hub_answers_the_same_request_again()
    {
        var tool = new NodeCommandLine(_directory.File("verifier"));
        (await tool.RunAsync("verifier", "init", "--id", VerifierId, "--name", "Example Verification AS", "--hub-url", _client.BaseAddress!.ToString())).Expect(ExitCodes.Ok);
        var workspace = await NodeWorkspace.OpenAsync(new DataDirectory(tool.DataDirectory), ct: Ct);
        var enrollment = new EnrollmentClient(_client);

        var first = await enrollment.SendAsync(workspace.Settings.Hub.Url, workspace.EnrollmentRequestFor(null), Ct);
        var again = await enrollment.SendAsync(workspace.Settings.Hub.Url, workspace.EnrollmentRequestFor(null), Ct);

        Assert.True(first.Received, first.Failure);
        Assert.Equal((first.EnrollmentId, true), (again.EnrollmentId, again.Duplicate));
        var sheet = (await tool.RunAsync("verifier", "sheet", _snapshotId.ToString())).Expect(ExitCodes.Usage);
        Assert.Contains("credentials --client-id", sheet.Error, StringComparison.Ordinal);
    }
}
