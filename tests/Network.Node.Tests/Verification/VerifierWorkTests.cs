using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Storage;
using Network.Node.Workspace.Verification;
using Network.Testing.Hub;

namespace Network.Node.Tests.Verification;

/// <summary>
/// The verifier's work and the city's answers against the real hub in memory: Trondheim's node publishes, the verifier
/// fetches the verdict sheet, fills it in, signs it as an attestation and asks a question; the city's node reads the
/// question and answers it. The hub's own attestation door verifies and stores the attestation; what it stored is read
/// back as a member reads it (<c>GET /api/snapshots/{id}/attestations</c>).
/// </summary>
public sealed class VerifierWorkTests : IAsyncLifetime
{
    private const string VerifierId = "demo-verifier";
    private readonly TempDirectory _directory = new();
    private readonly HubFactory _hub = new();
    private HttpClient _client = null!;
    private NodeWorkspace _city = null!;
    private NodeWorkspace _verifier = null!;
    private HttpClient _member = null!;
    private Guid _snapshotId;
    private string _digest = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        _city = await NodeSetup.TrondheimAsync(_directory.File("node"), hub =>
        {
            hub.Transport = HubTransport.Http;
            hub.Url = _client.BaseAddress!;
        });
        await NodeSetup.RegisterAsync(_hub, _city);
        await _city.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, SnapshotStatus.Preliminary, ct: Ct);
        await _city.PublishAsync(ct: Ct);
        await using (var delivery = _city.ConnectToHub(http: _client))
        {
            await _city.CourierFor(delivery).DeliverDueAsync(ignoreSchedule: true, null, Ct);
        }

        var published = Assert.Single(await _city.Store.ListAsync(ct: Ct));
        Assert.Equal(SnapshotState.Accepted, published.State);
        _snapshotId = published.SnapshotId!.Value;
        _digest = published.Digest!;

        var settings = new NodeSettings { VerifierId = VerifierId, Name = "Demo Verifier (not an accredited U4SSC verifier)" };
        settings.Hub.Url = _client.BaseAddress!;
        (_verifier, _) = await NodeWorkspace.InitialiseVerifierAsync(new DataDirectory(_directory.File("verifier")), settings);
        using var key = _verifier.Keys.Load(_verifier.Settings.ActiveKeyId);
        var client = await _hub.AddAssignedVerifierAsync(VerifierId, key, "NO-5001");
        _verifier.SetCredentials(client.ClientId, client.ClientSecret);
        _member = await _hub.CreateMemberClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _member.Dispose();
        _client.Dispose();
        await _hub.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_verifier_attests_from_its_sheet_and_asks_and_the_city_answers_from_its_node()
    {
        using var verifierHub = _verifier.OpenHubSession(_client);
        var desk = new VerifierDesk(_verifier, verifierHub);
        var sheet = await FetchAndFillAsync(desk, row => row.StartsWith("EC-I-WS-3C,", StringComparison.Ordinal)
            ? "question,,Is 28.42 % the share of wastewater treated or of households connected?"
            : "verified,,");

        var outcome = await desk.AttestAsync(sheet, "U4SSC KPI verification (ITU, 2022)", "Verification Report - Trondheim (2020)", Ct);

        Assert.True(outcome.Done, $"{outcome.Failure} {string.Join("; ", outcome.Rejections)} {string.Join("; ", outcome.QuestionFailures)} {string.Join("; ", outcome.SheetErrors)}");
        var stored = Assert.Single(await StoredAttestationsAsync());
        Assert.Equal(outcome.AttestationId.ToString(), stored.GetProperty("attestationId").GetString());
        Assert.Equal(VerifierId, stored.GetProperty("verifierId").GetString());
        Assert.Equal(outcome.Jws, stored.GetProperty("jws").GetString());
        Assert.Equal(_verifier.Settings.ActiveKeyId, stored.GetProperty("keyId").GetString());
        Assert.Equal("Verification Report - Trondheim (2020)", stored.GetProperty("reportRef").GetString());
        Assert.Equal(["verified", "verified", "question", "verified", "verified"], stored.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("verdict").GetString()));
        Assert.Equal("EC-I-WS-3C", stored.GetProperty("verdicts")[2].GetProperty("kpi").GetString());

        using var cityHub = _city.OpenHubSession(_client);
        var questions = new QuestionDesk("NO-5001", cityHub);
        var open = Assert.Single((await questions.ListAsync(null, Ct)).Threads);
        Assert.Equal(("EC-I-WS-3C", VerifierId, true), (open.Kpi, open.VerifierId, open.Open));
        Assert.Contains("wastewater", Assert.Single(open.Messages).Text, StringComparison.Ordinal);

        var (answer, failure) = await questions.AnswerAsync(null, "EC-I-WS-3C", null, VerifierId, "Households connected to the municipal network.", Ct);

        Assert.Null(failure);
        Assert.NotNull(answer);
        var answered = Assert.Single((await questions.ListAsync(2020, Ct)).Threads);
        Assert.False(answered.Open);
        Assert.Equal(["verifier", "city"], answered.Messages.Select(m => m.Author));
    }

    [Fact]
    public async Task A_sheet_with_errors_is_neither_signed_nor_sent()
    {
        using var verifierHub = _verifier.OpenHubSession(_client);
        var desk = new VerifierDesk(_verifier, verifierHub);
        var sheet = await FetchAndFillAsync(desk, row => row.StartsWith("EC-P-EM-1C,", StringComparison.Ordinal) ? "not-verified,," : "verified,,");

        var outcome = await desk.AttestAsync(sheet, "U4SSC KPI verification", null, Ct);

        var error = Assert.Single(outcome.SheetErrors);
        Assert.Equal((8, "reason"), (error.Line, error.Column));
        Assert.Null(outcome.Jws);
        Assert.Empty(await StoredAttestationsAsync());
    }

    [Fact]
    public async Task A_refused_attestation_names_each_reason_and_field_and_asks_nothing()
    {
        // The verifier moved to a new key that the coordinator has not registered: the hub knows no such verifier key.
        var unregistered = _verifier.RotateKey();
        _verifier.ActivateKey(unregistered.KeyId);
        using var verifierHub = _verifier.OpenHubSession(_client);
        var desk = new VerifierDesk(_verifier, verifierHub);
        var sheet = await FetchAndFillAsync(desk, row => row.StartsWith("EC-I-WS-3C,", StringComparison.Ordinal) ? "question,,Which year?" : "verified,,");

        var outcome = await desk.AttestAsync(sheet, "U4SSC KPI verification", null, Ct);

        Assert.False(outcome.Accepted);
        Assert.NotNull(outcome.Jws);
        var rejection = Assert.Single(outcome.Rejections);
        Assert.StartsWith("header.kid: ", rejection, StringComparison.Ordinal);
        Assert.Contains(unregistered.KeyId, rejection, StringComparison.Ordinal);
        Assert.EndsWith("(UnknownKey)", rejection, StringComparison.Ordinal);
        Assert.Empty(outcome.QuestionsAsked);
        Assert.Empty(await StoredAttestationsAsync());
        using var cityHub = _city.OpenHubSession(_client);
        Assert.Empty((await new QuestionDesk("NO-5001", cityHub).ListAsync(null, Ct)).Threads);
    }

    [Fact]
    public async Task The_sheet_of_a_snapshot_of_a_city_the_verifier_is_not_assigned_to_is_refused_with_the_hubs_reason()
    {
        await _hub.EndAssignmentAsync(VerifierId, "NO-5001");
        using var verifierHub = _verifier.OpenHubSession(_client);

        var (sheet, failure) = await new VerifierDesk(_verifier, verifierHub).SheetAsync(_snapshotId, "xlsx", Ct);

        Assert.Null(sheet);
        Assert.Contains("403", failure, StringComparison.Ordinal);
        Assert.Contains("snapshotId: demo-verifier is not assigned to NO-5001", failure, StringComparison.Ordinal);
    }

    // The attestations the hub holds on the snapshot, read as a member city reads them (the snapshot is preliminary).
    private async Task<JsonElement[]> StoredAttestationsAsync()
    {
        using var response = await _member.GetAsync($"/api/snapshots/{_snapshotId}/attestations", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }

    // Fetches the CSV sheet and fills each value row's verifier cells (the writer leaves them as the last ",,,").
    private async Task<string> FetchAndFillAsync(VerifierDesk desk, Func<string, string> cells)
    {
        var (bytes, failure) = await desk.SheetAsync(_snapshotId, "csv", Ct);
        Assert.True(bytes is not null, failure);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("kpi,", StringComparison.Ordinal));
        for (var i = header + 1; i < lines.Length; i++)
        {
            Assert.EndsWith(",,,", lines[i], StringComparison.Ordinal);
            lines[i] = lines[i][..^3] + "," + cells(lines[i]);
        }

        var path = _directory.File($"verdicts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", Ct);
        return path;
    }
}
